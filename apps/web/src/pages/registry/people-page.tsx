import { Route } from '../../routing';
import { PeopleListPage } from './people-list';
import { NewPersonPage, PersonPage } from './person-page';

/** `#/people`, `#/people/new`, `#/people/<id>` and `#/people/<id>/edit`. */
export function PeoplePage({ route }: { route: Route }) {
  const [, id, sub] = route.segments;
  if (id === 'new') return <NewPersonPage />;
  if (id) return <PersonPage key={id} id={id} editing={sub === 'edit'} saved={route.query.has('saved')} />;
  return <PeopleListPage route={route} />;
}
