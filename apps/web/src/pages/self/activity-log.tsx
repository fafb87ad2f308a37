import { useRef, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { usePaged } from '../../api/paging';
import { useI18n } from '../../i18n/i18n';
import { Section } from '../../ui/page';
import { Empty, ErrorMessage } from '../../ui/status';
import { ActivityForm } from './activity-form';
import { ActivityTable } from './activity-table';
import { Activity, ACTIVITY_FIELDS, CourseOption } from './activity-types';
import { ShowMore } from './show-more';

const ACTIVITIES = `query MyActivities($first: Int!, $after: String) {
  activities(first: $first, after: $after) { totalCount nodes { ${ACTIVITY_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const MY_COURSES = '{ courses(tier: 3, first: 100) { nodes { id name startsOn } } }';
const DELETE = 'mutation DeleteActivity($input: DeleteActivityInput!) { deleteActivity(input: $input) }';

const keyOf = (a: Activity) => a.id;
const NO_FILTER = {};

/** The user's own activities: log, list, edit and delete. Changes show at once, without fetching the list again. */
export function ActivityLog() {
  const { t } = useI18n();
  const paged = usePaged<Activity>(ACTIVITIES, 'activities', NO_FILTER, { keyOf });
  const courses = useQuery<{ courses: { nodes: CourseOption[] } }>(MY_COURSES).data?.courses.nodes ?? [];
  const remove = useMutation<{ deleteActivity: string }, { input: { id: string; version: number } }>(DELETE);
  const [editing, setEditing] = useState<Activity | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusForm = () => requestAnimationFrame(() => heading.current?.focus());

  function startEditing(activity: Activity) {
    setMessage(null);
    remove.reset();
    setEditing(activity);
    focusForm();
  }

  function done(activity: Activity) {
    if (editing) {
      paged.edit((nodes) => nodes.map((a) => (a.id === activity.id ? activity : a)));
      setMessage(t.self.activityUpdated);
      setEditing(null);
      focusForm();
    } else {
      paged.edit((nodes) => [activity, ...nodes], 1);
      setMessage(t.self.activityLogged);
    }
  }

  async function destroy(activity: Activity) {
    setMessage(null);
    setDeleting(activity.id);
    const result = await remove.run({ input: { id: activity.id, version: activity.version } });
    setDeleting(null);
    if (!result) return;
    paged.edit((nodes) => nodes.filter((a) => a.id !== activity.id), -1);
    if (editing?.id === activity.id) setEditing(null);
    setMessage(t.self.activityDeleted);
    focusForm();
  }

  return (
    <Section title={t.self.activityLogTitle} id="activity-log">
      <p>{t.self.activityIntro}</p>
      <ActivityForm
        key={editing?.id ?? 'new'}
        ref={heading}
        editing={editing ?? undefined}
        courses={courses}
        onDone={done}
        onCancel={() => (setEditing(null), focusForm())}
      />
      <div role="status">{message && <p className="success">{message}</p>}</div>
      <ErrorMessage error={remove.error} />
      {paged.loaded &&
        (paged.nodes.length ? (
          <ActivityTable activities={paged.nodes} total={paged.totalCount} courses={courses} deleting={deleting} onEdit={startEditing} onDelete={destroy} />
        ) : (
          <Empty>{t.self.noActivities}</Empty>
        ))}
      <ShowMore paged={paged} />
    </Section>
  );
}
