import { Route } from '../../routing';
import { CourseDetail } from './course-detail';
import { CourseList } from './course-list';
import { CoursePlan } from './course-plan';
import './training.css';

/**
 * Courses of the county (`#/courses`), or THL's trainer courses (`#/thl-courses`): the same pages, every
 * link built from the first segment so that both addresses work.
 */
export function CoursesPage({ route }: { route: Route }) {
  const base = `/${route.segments[0]}`;
  const [, id] = route.segments;
  if (!id) return <CourseList base={base} />;
  if (id === 'new') return <CoursePlan base={base} />;
  return <CourseDetail key={id} base={base} id={id} />;
}
