import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { usePaged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Link } from '../../routing';
import { DataTable } from '../../ui/data-table';
import { optionsOf, SelectField, TextField } from '../../ui/field';
import { Page, Section } from '../../ui/page';
import { Empty, ErrorMessage, Loaded, Loading } from '../../ui/status';
import { CourseStatusBadge } from './badges';
import { COURSES_QUERY, CourseSummary, INCOMPLETE_QUERY, Programme, PROGRAMMES_QUERY } from './course-api';
import { describeMissing } from './course-logic';
import { useCourseScope } from './course-scope';

const PAGE_SIZE = 25;

interface Filters {
  status: string;
  tier: string;
  from: string;
  to: string;
}

/** The list of courses with its filters, more pages on request, and who has not completed yet. */
export function CourseList({ base }: { base: string }) {
  const { t } = useI18n();
  const scope = useCourseScope();
  const [filters, setFilters] = useState<Filters>({ status: '', tier: '', from: '', to: '' });
  const set = (name: keyof Filters) => (e: { target: { value: string } }) => setFilters((f) => ({ ...f, [name]: e.target.value }));
  const actions = scope.canPlan && (
    <Link to={`${base}/new`} className="button primary">
      {t.training.planCourse}
    </Link>
  );

  return (
    <Page title={scope.title} actions={actions}>
      <Section title={t.training.coursesTitle} id="courses-title">
        <div className="toolbar" role="group" aria-label={t.training.filters}>
          <SelectField label={t.training.status} name="status" value={filters.status} onChange={set('status')} options={optionsOf(t.common.courseStatus)} placeholder={t.training.all} />
          {!scope.thl && <SelectField label={t.training.training} name="tier" value={filters.tier} onChange={set('tier')} options={optionsOf(t.common.tier)} placeholder={t.training.all} />}
          <TextField label={t.training.from} name="from" type="date" value={filters.from} onChange={set('from')} />
          <TextField label={t.training.to} name="to" type="date" value={filters.to} onChange={set('to')} />
        </div>
        <CourseTable base={base} filters={filters} />
      </Section>
      <IncompleteEnrolments base={base} />
    </Page>
  );
}

function CourseTable({ base, filters }: { base: string; filters: Filters }) {
  const { t, format } = useI18n();
  const variables = {
    status: filters.status || null,
    tier: filters.tier ? Number(filters.tier) : null,
    from: filters.from || null,
    to: filters.to || null,
  };
  const courses = usePaged<CourseSummary>(COURSES_QUERY, 'courses', variables, { pageSize: PAGE_SIZE });
  const rows = courses.nodes;

  if (courses.loading && rows.length === 0) return <Loading />;
  if (courses.error !== undefined && rows.length === 0) return <ErrorMessage error={courses.error} onRetry={courses.reload} />;
  if (rows.length === 0) return <Empty>{t.training.noCourses}</Empty>;
  return (
    <>
      <DataTable<CourseSummary>
        caption={t.training.coursesCaption(rows.length, courses.totalCount)}
        rows={rows}
        rowKey={(c) => c.id}
        columns={[
          { key: 'name', header: t.training.course, cell: (c) => <Link to={`${base}/${c.id}`}>{c.name}</Link>, sortValue: (c) => c.name },
          { key: 'tier', header: t.training.training, cell: (c) => t.common.tier[c.tier], sortValue: (c) => c.tier },
          { key: 'status', header: t.training.status, cell: (c) => <CourseStatusBadge status={c.status} />, sortValue: (c) => t.common.courseStatus[c.status] },
          { key: 'startsOn', header: t.training.firstSession, cell: (c) => format.date(c.startsOn), sortValue: (c) => c.startsOn },
          { key: 'enrolled', header: t.training.enrolled, cell: (c) => format.number(c.enrolled), sortValue: (c) => c.enrolled, numeric: true },
          { key: 'completed', header: t.training.completed, cell: (c) => format.number(c.completed), sortValue: (c) => c.completed, numeric: true },
        ]}
      />
      <ErrorMessage error={courses.error} />
      {courses.hasNextPage && (
        <div className="actions">
          <button type="button" onClick={courses.loadMore} disabled={courses.loadingMore}>
            {courses.loadingMore ? t.common.state.loading : t.common.action.showMore}
          </button>
        </div>
      )}
    </>
  );
}

interface Incomplete {
  incompleteEnrolments: Array<{ courseId: string; courseName: string; personId: string; name: string; missing: string[] }>;
}

/** "Who is eligible but not yet certified, and what do they miss?" across the courses that have begun. */
function IncompleteEnrolments({ base }: { base: string }) {
  const { t, locale } = useI18n();
  const state = useQuery<Incomplete>(INCOMPLETE_QUERY);
  // The API names what is missing by the English theme: the county's programmes give it in the user's language.
  const programmes = useQuery<{ programmes: Programme[] }>(PROGRAMMES_QUERY, { tier: null });
  const modules = programmes.data?.programmes.flatMap((p) => p.modules) ?? [];
  return (
    <Section title={t.training.incompleteTitle} id="incomplete-title">
      <Loaded state={state}>
        {(data) =>
          data.incompleteEnrolments.length === 0 ? (
            <Empty>{t.training.noIncomplete}</Empty>
          ) : (
            <DataTable
              caption={t.training.incompleteCaption}
              rows={data.incompleteEnrolments}
              rowKey={(r) => `${r.courseId}:${r.personId}`}
              columns={[
                { key: 'name', header: t.training.participant, cell: (r) => r.name, sortValue: (r) => r.name },
                { key: 'course', header: t.training.course, cell: (r) => <Link to={`${base}/${r.courseId}`}>{r.courseName}</Link>, sortValue: (r) => r.courseName },
                { key: 'missing', header: t.training.missing, cell: (r) => r.missing.map((m) => describeMissing(m, modules, locale, t.training)).join('; ') },
              ]}
            />
          )
        }
      </Loaded>
    </Section>
  );
}
