import { Route } from '../../routing';
import { NewOrganisationPage, OrganisationListPage } from './organisation-list';
import { OrganisationPage } from './organisation-page';
import { UnitPage } from './unit-page';

/** `#/organisations`, `…/new`, `…/<id>`, `…/<id>/edit`, `…/<id>/units/<unitId>` and `…/<unitId>/edit`. */
export function OrganisationsPage({ route }: { route: Route }) {
  const [, id, sub, unitId, unitSub] = route.segments;
  const saved = route.query.has('saved');
  if (id === 'new') return <NewOrganisationPage />;
  if (id && sub === 'units' && unitId) return <UnitPage key={unitId} organisationId={id} unitId={unitId} editing={unitSub === 'edit'} saved={saved} />;
  if (id) return <OrganisationPage key={id} id={id} editing={sub === 'edit'} saved={saved} />;
  return <OrganisationListPage route={route} />;
}
