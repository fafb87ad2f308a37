import { ComponentType, lazy } from 'react';
import { Me } from './auth/session';
import { CommonMessages } from './i18n/messages/common';
import { EsfExportPage, RegisterImportPage } from './pages/files';
import { OrganisationsPage, OverviewPage, PeoplePage } from './pages/registry';
import { DirectoryPage, MyProfilePage } from './pages/self';
import { CoursesPage, ReviewPage } from './pages/training';
import { Route } from './routing';

export interface PageRoute {
  /** First segment of the address: `#/people/…`. */
  path: string;
  nav: keyof CommonMessages['nav'];
  /** Who sees the page; the API decides what they may do on it. */
  allowed: (me: Me) => boolean;
  page: ComponentType<{ route: Route }>;
}

type Pages = Record<string, ComponentType<{ route: Route }>>;
/** Loaded when first opened: THL's pages carry the map (boundaries and projection), which county users never need. */
const later = <P extends Pages>(load: () => Promise<P>, name: keyof P) => lazy(() => load().then((area) => ({ default: area[name] })));
const national = () => import('./pages/national');
const NationalMapPage = later(national, 'NationalMapPage');
const TrendsPage = later(national, 'TrendsPage');
const CascadePage = later(national, 'CascadePage');
const NationalEsfPage = later(national, 'NationalEsfPage');

const isNational = (me: Me) => me.role === 'NATIONAL_ADMIN' || me.role === 'NATIONAL_ANALYST';
const nationalEsf = (me: Me) => isNational(me) || (me.role === 'ESF_REPORTER' && !me.countyCode);
const managing = (me: Me) => me.role === 'COUNTY_ADMIN' || me.role === 'COUNTY_COORDINATOR';
const training = (me: Me) => managing(me) || me.role === 'TRAINER';
const networkMember = (me: Me) => me.role === 'TRAINER' || me.role === 'KEY_WORKER';
const countyEsf = (me: Me) => managing(me) || (me.role === 'ESF_REPORTER' && !!me.countyCode);

/** Every page, in navigation order; the first one a user may see is their start page. */
export const ROUTES: PageRoute[] = [
  { path: 'counties', nav: 'nationalMap', allowed: isNational, page: NationalMapPage },
  { path: 'trends', nav: 'trends', allowed: isNational, page: TrendsPage },
  { path: 'overview', nav: 'overview', allowed: managing, page: OverviewPage },
  { path: 'me', nav: 'myProfile', allowed: networkMember, page: MyProfilePage },
  { path: 'people', nav: 'people', allowed: training, page: PeoplePage },
  { path: 'organisations', nav: 'organisations', allowed: training, page: OrganisationsPage },
  { path: 'courses', nav: 'courses', allowed: training, page: CoursesPage },
  { path: 'thl-courses', nav: 'thlCourses', allowed: (me) => me.role === 'NATIONAL_ADMIN', page: CoursesPage },
  { path: 'review', nav: 'review', allowed: managing, page: ReviewPage },
  { path: 'cascade', nav: 'cascade', allowed: (me) => isNational(me) || managing(me), page: CascadePage },
  { path: 'directory', nav: 'directory', allowed: (me) => managing(me) || networkMember(me), page: DirectoryPage },
  { path: 'import', nav: 'registerImport', allowed: managing, page: RegisterImportPage },
  { path: 'esf-exports', nav: 'esfExport', allowed: countyEsf, page: EsfExportPage },
  { path: 'esf-indicators', nav: 'esfNational', allowed: nationalEsf, page: NationalEsfPage },
];

export function routesFor(me: Me): PageRoute[] {
  return ROUTES.filter((route) => route.allowed(me));
}
