import { useRef, useState } from 'react';
import { useMutation, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Section } from '../../ui/page';
import { Empty, ErrorMessage } from '../../ui/status';
import { ActivityForm } from './activity-form';
import { ActivityTable } from './activity-table';
import { Activity, ACTIVITY_FIELDS, CourseOption } from './activity-types';
import { ShowMore } from './show-more';
import { Connection, useConnection } from './use-connection';

const ACTIVITIES = `query MyActivities($after: String) {
  activities(first: 50, after: $after) { totalCount nodes { ${ACTIVITY_FIELDS} } pageInfo { hasNextPage endCursor } }
}`;
const MY_COURSES = '{ courses(tier: 3, first: 100) { nodes { id name startsOn } } }';
const DELETE = 'mutation DeleteActivity($input: DeleteActivityInput!) { deleteActivity(input: $input) }';

const pick = (data: { activities: Connection<Activity> }) => data.activities;
const keyOf = (a: Activity) => a.id;
const NO_FILTER = {};

/** The user's own activities: log, list, edit and delete. Changes show at once, without fetching the list again. */
export function ActivityLog() {
  const { t } = useI18n();
  const paged = useConnection(ACTIVITIES, NO_FILTER, pick, keyOf);
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
      paged.edit((items) => items.map((a) => (a.id === activity.id ? activity : a)));
      setMessage(t.self.activityUpdated);
      setEditing(null);
      focusForm();
    } else {
      paged.edit((items) => [activity, ...items], 1);
      setMessage(t.self.activityLogged);
    }
  }

  async function destroy(activity: Activity) {
    setMessage(null);
    setDeleting(activity.id);
    const result = await remove.run({ input: { id: activity.id, version: activity.version } });
    setDeleting(null);
    if (!result) return;
    paged.edit((items) => items.filter((a) => a.id !== activity.id), -1);
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
        (paged.items.length ? (
          <ActivityTable activities={paged.items} total={paged.total} courses={courses} deleting={deleting} onEdit={startEditing} onDelete={destroy} />
        ) : (
          <Empty>{t.self.noActivities}</Empty>
        ))}
      <ShowMore paged={paged} />
    </Section>
  );
}
