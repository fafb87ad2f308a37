export { OrganisationsPage } from './organisations-page';
export { OverviewPage } from './overview-page';
export { PeoplePage } from './people-page';
