import { useI18n } from '../../i18n/i18n';
import { Column, DataTable } from '../../ui/data-table';
import { ActivityRowActions } from './activity-row-actions';
import { Activity, CourseOption } from './activity-types';

interface Props {
  activities: Activity[];
  total: number;
  courses: CourseOption[];
  deleting: string | null;
  onEdit: (activity: Activity) => void;
  onDelete: (activity: Activity) => void;
}

/** The user's entries in the order the API gives (newest first) with a freshly logged one on top. */
export function ActivityTable({ activities, total, courses, deleting, onEdit, onDelete }: Props) {
  const { t, format } = useI18n();
  const none = t.common.state.none;
  const courseName = new Map(courses.map((c) => [c.id, c.name]));
  const kind = (a: Activity) => t.common.activityKind[a.kind] ?? a.kind;
  const columns: Column<Activity>[] = [
    { key: 'occurredOn', header: t.self.date, cell: (a) => format.date(a.occurredOn) },
    { key: 'kind', header: t.self.kind, cell: kind },
    { key: 'count', header: t.self.count, cell: (a) => format.number(a.count), numeric: true },
    ...(courses.length ? [{ key: 'course', header: t.self.courseHeader, cell: (a: Activity) => (a.courseId ? (courseName.get(a.courseId) ?? none) : none) }] : []),
    { key: 'note', header: t.self.noteHeader, cell: (a) => a.note ?? none },
    {
      key: 'actions',
      header: t.self.actions,
      cell: (a) => (
        <ActivityRowActions label={t.self.entry(kind(a), format.date(a.occurredOn))} busy={deleting === a.id} onEdit={() => onEdit(a)} onDelete={() => onDelete(a)} />
      ),
    },
  ];
  return <DataTable caption={t.self.activitiesCaption(activities.length, total)} columns={columns} rows={activities} rowKey={(a) => a.id} />;
}
