import { FormEvent, forwardRef, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { optionsOf, SelectField, TextArea, TextField } from '../../ui/field';
import { ErrorMessage } from '../../ui/status';
import { todayInFinland } from '../../ui/period';
import { Activity, ACTIVITY_FIELDS, CourseOption } from './activity-types';

const LOG = `mutation LogActivity($input: LogActivityInput!) { logActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;
const UPDATE = `mutation UpdateActivity($input: UpdateActivityInput!) { updateActivity(input: $input) { ${ACTIVITY_FIELDS} } }`;

interface Draft {
  kind: string;
  occurredOn: string;
  count: string;
  courseId: string;
  note: string;
}

const blank = (): Draft => ({ kind: '', occurredOn: todayInFinland(), count: '1', courseId: '', note: '' });
const draftOf = (a: Activity): Draft => ({ kind: a.kind, occurredOn: a.occurredOn, count: String(a.count), courseId: a.courseId ?? '', note: a.note ?? '' });

interface Props {
  /** Present: the form edits this entry; absent: it logs a new one. */
  editing?: Activity;
  courses: CourseOption[];
  onDone: (activity: Activity) => void;
  onCancel: () => void;
}

/** Logs a new activity or edits one; the same fields either way. The heading takes focus when editing starts. */
export const ActivityForm = forwardRef<HTMLHeadingElement, Props>(function ActivityForm({ editing, courses, onDone, onCancel }, heading) {
  const { t, format } = useI18n();
  const [draft, setDraft] = useState<Draft>(() => (editing ? draftOf(editing) : blank()));
  const log = useMutation<{ logActivity: Activity }, { input: Record<string, unknown> }>(LOG);
  const update = useMutation<{ updateActivity: Activity }, { input: Record<string, unknown> }>(UPDATE);
  const mutation = editing ? update : log;
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value }));
  // Only an addressing training is a course; other kinds never carry one.
  const withCourse = draft.kind === 'ADDRESSING_TRAINING' && courses.length > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const fields = {
      kind: draft.kind,
      occurredOn: draft.occurredOn,
      count: Number(draft.count),
      courseId: withCourse ? draft.courseId || null : null,
      note: draft.note.trim() || null,
    };
    if (editing) {
      const result = await update.run({ input: { id: editing.id, version: editing.version, ...fields } });
      if (result) onDone(result.updateActivity);
    } else {
      const result = await log.run({ input: fields });
      if (result) {
        setDraft(blank());
        onDone(result.logActivity);
      }
    }
  }

  const error = mutation.error;
  return (
    <form onSubmit={submit} className="activity-form">
      <h3 ref={heading} tabIndex={-1}>
        {editing ? t.self.editActivityTitle : t.self.logActivityTitle}
      </h3>
      <ErrorMessage error={error} />
      <div className="form-grid">
        <SelectField label={t.self.kind} name="kind" required value={draft.kind} onChange={set('kind')} options={optionsOf(t.common.activityKind)} placeholder={t.self.chooseKind} error={error} />
        <TextField label={t.self.date} name="occurredOn" type="date" required max={todayInFinland()} hint={t.self.dateHint} value={draft.occurredOn} onChange={set('occurredOn')} error={error} />
        <TextField label={t.self.count} name="count" type="number" inputMode="numeric" required min={1} max={1000} hint={t.self.countHint} value={draft.count} onChange={set('count')} error={error} />
        {withCourse && (
          <SelectField
            label={t.self.course}
            name="courseId"
            hint={t.self.courseHint}
            value={draft.courseId}
            onChange={set('courseId')}
            options={courses.map((c) => ({ value: c.id, label: c.startsOn ? `${c.name} (${format.date(c.startsOn)})` : c.name }))}
            placeholder={t.self.noCourse}
            error={error}
          />
        )}
      </div>
      <TextArea label={t.self.note} name="note" maxLength={500} rows={2} hint={t.self.noteHint} value={draft.note} onChange={set('note')} error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={mutation.running}>
          {editing ? t.self.saveActivity : t.self.logActivity}
        </button>
        {editing && (
          <button type="button" onClick={onCancel}>
            {t.common.action.cancel}
          </button>
        )}
      </div>
    </form>
  );
});
