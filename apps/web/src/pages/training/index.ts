export { CoursesPage } from './courses-page';
export { ReviewPage } from './review-page';
