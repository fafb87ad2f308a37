export { CascadePage } from './cascade-page';
export { NationalEsfPage } from './national-esf-page';
export { NationalMapPage } from './national-map-page';
export { TrendsPage } from './trends-page';
