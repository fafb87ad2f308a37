import { FormEvent, useState } from 'react';
import { graphql } from '../../api/graphql';
import { useI18n } from '../../i18n/i18n';
import { SelectField } from '../../ui/field';
import { Section } from '../../ui/page';
import { Empty, ErrorMessage } from '../../ui/status';
import { Course, CourseSession, RECORD_ATTENDANCE } from './course-api';
import type { CoursePartProps } from './course-detail';
import { sessionContent } from './course-logic';

/** Attendance per session: choose a session, tick who was there, save. */
export function CourseAttendance({ course, programme, onChange }: CoursePartProps) {
  const { t, locale, format } = useI18n();
  const [sessionId, setSessionId] = useState('');
  const label = (s: CourseSession) => [format.date(s.date), sessionContent(locale, s, programme)].filter(Boolean).join(' · ') + (s.isMakeup ? ` (${t.training.makeupBadge})` : '');
  const session = course.sessions.find((s) => s.id === sessionId);
  const participants = course.enrolments.filter((e) => e.status !== 'DROPPED');

  return (
    <Section title={t.training.attendanceTitle} id="course-attendance">
      {course.sessions.length === 0 || participants.length === 0 ? (
        <Empty>{course.sessions.length === 0 ? t.training.noSessions : t.training.noParticipants}</Empty>
      ) : (
        <>
          <SelectField
            label={t.training.session}
            name="sessionId"
            value={sessionId}
            onChange={(e) => setSessionId(e.target.value)}
            options={course.sessions.map((s) => ({ value: s.id, label: label(s) }))}
            placeholder={t.training.chooseSession}
          />
          {session && (
            <SessionChecklist
              key={session.id}
              course={course}
              session={session}
              label={label(session)}
              initial={new Set(session.attendeeIds)}
              onSaved={onChange}
            />
          )}
        </>
      )}
    </Section>
  );
}

function SessionChecklist(props: { course: Course; session: CourseSession; label: string; initial: Set<string>; onSaved: (course: Course) => void }) {
  const { course, session, label, initial, onSaved } = props;
  const { t } = useI18n();
  const [checked, setChecked] = useState(() => new Set(initial));
  const [before, setBefore] = useState(initial);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>();
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const participants = course.enrolments.filter((e) => e.status !== 'DROPPED');
  const toggle = (personId: string, on: boolean) =>
    setChecked((c) => {
      const next = new Set(c);
      if (on) next.add(personId);
      else next.delete(personId);
      return next;
    });

  // Ticked people are marked present; those marked before and now unticked are unmarked.
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const present = [...checked];
    const absent = [...before].filter((id) => !checked.has(id));
    if (!present.length && !absent.length) return setMessage({ text: t.training.nobodyTicked, ok: false });
    setRunning(true);
    setError(undefined);
    setMessage(null);
    try {
      let changed: Course | undefined;
      if (present.length) changed = (await graphql<{ recordAttendance: Course }>(RECORD_ATTENDANCE, { input: { sessionId: session.id, personIds: present, present: true } })).recordAttendance;
      if (absent.length) changed = (await graphql<{ recordAttendance: Course }>(RECORD_ATTENDANCE, { input: { sessionId: session.id, personIds: absent, present: false } })).recordAttendance;
      const now = new Set(checked);
      setBefore(now);
      setMessage({ text: t.training.attendanceSaved(present.length, label), ok: true });
      if (changed) onSaved(changed);
    } catch (err) {
      setError(err);
    } finally {
      setRunning(false);
    }
  };

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>{t.training.presentAt(label)}</legend>
        <ul className="checklist">
          {participants.map((p) => (
            <li key={p.personId}>
              <label className="check">
                <input type="checkbox" checked={checked.has(p.personId)} onChange={(e) => toggle(p.personId, e.target.checked)} />
                {p.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <ErrorMessage error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={running}>
          {running ? t.common.state.saving : t.training.saveAttendance}
        </button>
      </div>
      <p role="status" className={message?.ok ? 'success' : 'hint'}>
        {message?.text}
      </p>
    </form>
  );
}
