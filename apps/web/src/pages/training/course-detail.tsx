import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { Facts } from '../../ui/facts';
import { Page, Section } from '../../ui/page';
import { ErrorMessage, Loading } from '../../ui/status';
import { CourseStatusBadge } from './badges';
import { Course, COURSE_QUERY, Programme, PROGRAMME_QUERY } from './course-api';
import { CourseAttendance } from './course-attendance';
import { CourseCompletion } from './course-completion';
import { localName } from '../../i18n/local-name';
import { taskModules } from './course-logic';
import { CourseParticipants } from './course-participants';
import { useCourseScope } from './course-scope';
import { CourseSessions } from './course-sessions';
import { CourseTasks } from './course-tasks';
import { ProgrammeModules } from './programme-modules';

/** Props of each part of the course page: every change answers the whole course, which replaces the page's copy. */
export interface CoursePartProps {
  course: Course;
  programme: Programme;
  onChange: (course: Course) => void;
}

/** One course: what it is, its sessions, participants, attendance, tasks and completion. */
export function CourseDetail({ base, id }: { base: string; id: string }) {
  const { t } = useI18n();
  const scope = useCourseScope();
  const loaded = useQuery<{ course: Course }>(COURSE_QUERY, { id });
  const [latest, setLatest] = useState<Course | null>(null);
  const course = latest ?? loaded.data?.course;
  const programmeState = useQuery<{ programme: Programme }>(PROGRAMME_QUERY, { id: course?.programmeId }, { skip: !course });
  const programme = programmeState.data?.programme;
  const error = loaded.error ?? programmeState.error;

  return (
    <Page title={course?.name ?? scope.title} actions={<Link to={base}>{t.training.backToCourses}</Link>}>
      {error ? (
        <ErrorMessage error={error} onRetry={loaded.error ? loaded.reload : programmeState.reload} />
      ) : !course || !programme ? (
        <Loading />
      ) : (
        <>
          <CourseFacts course={course} programme={programme} />
          <CourseSessions course={course} programme={programme} onChange={setLatest} />
          <CourseParticipants course={course} programme={programme} onChange={setLatest} />
          <CourseAttendance course={course} programme={programme} onChange={setLatest} />
          {taskModules(programme).length > 0 && <CourseTasks course={course} programme={programme} onChange={setLatest} />}
          <CourseCompletion course={course} programme={programme} onChange={setLatest} />
        </>
      )}
    </Page>
  );
}

function CourseFacts({ course, programme }: { course: Course; programme: Programme }) {
  const { t, locale, format } = useI18n();
  const dates = course.startsOn ? (course.endsOn && course.endsOn !== course.startsOn ? `${format.date(course.startsOn)} – ${format.date(course.endsOn)}` : format.date(course.startsOn)) : t.common.state.none;
  return (
    <Section title={t.training.aboutTitle} id="course-about">
      <Facts
        items={[
          [t.training.status, <CourseStatusBadge status={course.status} />],
          [t.training.programme, `${localName(locale, programme)} (${t.common.tier[course.tier]})`],
          [t.training.dates, dates],
          [t.training.place, course.place || t.common.state.none],
          [t.training.trainers, course.trainers.length ? course.trainers.map((p) => p.name).join(', ') : t.common.state.none],
          [t.training.participants, format.number(course.participantCount)],
        ]}
      />
      <details>
        <summary>{t.training.modulesTitle}</summary>
        <ProgrammeModules programme={programme} />
      </details>
    </Section>
  );
}
