import { FormEvent, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Section } from '../../ui/page';
import { Empty, ErrorMessage } from '../../ui/status';
import { ADD_SESSION, Course, CourseSession } from './course-api';
import type { CoursePartProps } from './course-detail';
import { sessionContent, sessionModules } from './course-logic';
import { emptySession, SessionDraft, SessionFields, sessionInput } from './session-fields';

/** The course's sessions, and adding one (a make-up session covers a module again for those who missed it). */
export function CourseSessions({ course, programme, onChange }: CoursePartProps) {
  const { t, locale, format } = useI18n();
  return (
    <Section title={t.training.sessionsTitle} id="course-sessions">
      {course.sessions.length === 0 ? (
        <Empty>{t.training.noSessions}</Empty>
      ) : (
        <DataTable<CourseSession>
          caption={t.training.sessionsCaption}
          rows={course.sessions}
          rowKey={(s) => s.id}
          columns={[
            { key: 'date', header: t.training.date, cell: (s) => format.date(s.date), sortValue: (s) => `${s.date} ${s.startsAt}` },
            { key: 'time', header: t.training.time, cell: (s) => `${s.startsAt}–${s.endsAt}` },
            {
              key: 'content',
              header: t.training.content,
              cell: (s) => (
                <>
                  {sessionContent(locale, s, programme) || t.common.state.none}
                  {s.isMakeup && (
                    <>
                      {' '}
                      <span className="badge warn">{t.training.makeupBadge}</span>
                    </>
                  )}
                </>
              ),
            },
            { key: 'place', header: t.training.sessionPlace, cell: (s) => s.place || t.common.state.none },
            { key: 'trainers', header: t.training.trainers, cell: (s) => s.trainers.map((p) => p.name).join(', ') || t.common.state.none },
            { key: 'present', header: t.training.present, cell: (s) => format.number(s.attendeeCount), sortValue: (s) => s.attendeeCount, numeric: true },
          ]}
        />
      )}
      <AddSession course={course} modules={sessionModules(programme)} onChange={onChange} />
    </Section>
  );
}

function AddSession({ course, modules, onChange }: { course: Course; modules: CoursePartProps['programme']['modules']; onChange: (c: Course) => void }) {
  const { t, format } = useI18n();
  const [draft, setDraft] = useState<SessionDraft>(() => emptySession(undefined, course.place ?? ''));
  const [added, setAdded] = useState<string | null>(null);
  const add = useMutation<{ addCourseSession: Course }>(ADD_SESSION);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setAdded(null);
    const result = await add.run({ input: sessionInput(course.id, draft) });
    if (!result) return;
    onChange(result.addCourseSession);
    setAdded(draft.date);
    setDraft(emptySession(undefined, draft.place));
  };
  return (
    <form onSubmit={submit} aria-labelledby="add-session-title">
      <h3 id="add-session-title">{t.training.addSessionTitle}</h3>
      <ErrorMessage error={add.error} />
      <SessionFields value={draft} onChange={(change) => setDraft((d) => ({ ...d, ...change }))} modules={modules} error={add.error} makeup />
      <div className="actions">
        <button type="submit" className="primary" disabled={add.running}>
          {add.running ? t.common.state.saving : t.training.addSession}
        </button>
      </div>
      <p role="status" className={added ? 'success' : undefined}>
        {added && t.training.sessionAdded(format.date(added))}
      </p>
    </form>
  );
}
