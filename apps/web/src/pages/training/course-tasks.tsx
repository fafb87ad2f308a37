import { useEffect, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { Empty, ErrorMessage } from '../../ui/status';
import { Course, Enrolment, ProgrammeModule, RECORD_TASK } from './course-api';
import type { CoursePartProps } from './course-detail';
import { todayInFinland } from '../../ui/period';
import { moduleTheme, taskModules } from './course-logic';

/** The programme's tasks (pre-task, intermediate tasks, final task) accepted per participant. */
export function CourseTasks({ course, programme, onChange }: CoursePartProps) {
  const { t, locale } = useI18n();
  const [acceptedOn, setAcceptedOn] = useState(todayInFinland);
  const [busy, setBusy] = useState('');
  const [notice, setNotice] = useState('');
  // The pressed button turns into a badge: keyboard focus stays at that cell instead of falling to the page.
  const [focusKey, setFocusKey] = useState('');
  useEffect(() => {
    if (focusKey) document.querySelector<HTMLElement>(`[data-task="${focusKey}"]`)?.focus();
  }, [focusKey]);
  const record = useMutation<{ recordTask: Course }>(RECORD_TASK);
  const tasks = taskModules(programme);
  const participants = course.enrolments.filter((e) => e.status !== 'DROPPED');
  const title = (m: ProgrammeModule) => moduleTheme(locale, m);

  const accept = async (enrolment: Enrolment, task: ProgrammeModule) => {
    const key = `${enrolment.personId}:${task.id}`;
    setBusy(key);
    setNotice('');
    const result = await record.run({ input: { courseId: course.id, personId: enrolment.personId, moduleId: task.id, submittedOn: acceptedOn, acceptedOn } });
    setBusy('');
    if (!result) return;
    setFocusKey(key);
    setNotice(t.training.taskAccepted(title(task), enrolment.name));
    onChange(result.recordTask);
  };

  const cell = (e: Enrolment, task: ProgrammeModule) => {
    const key = `${e.personId}:${task.id}`;
    if (e.acceptedTaskModuleIds.includes(task.id)) {
      return (
        <span className="badge ok" data-task={key} tabIndex={key === focusKey ? -1 : undefined}>
          {t.training.accepted}
        </span>
      );
    }
    return (
      <button type="button" aria-label={t.training.acceptTask(title(task), e.name)} disabled={busy !== ''} onClick={() => void accept(e, task)}>
        {t.training.accept}
      </button>
    );
  };

  return (
    <Section title={t.training.tasksTitle} id="course-tasks">
      {participants.length === 0 ? (
        <Empty>{t.training.noParticipants}</Empty>
      ) : (
        <>
          <p className="hint">{t.training.tasksHint}</p>
          <div className="toolbar">
            <TextField label={t.training.acceptedOn} name="acceptedOn" type="date" value={acceptedOn} onChange={(e) => setAcceptedOn(e.target.value)} error={record.error} />
          </div>
          <ErrorMessage error={record.error} />
          <DataTable<Enrolment>
            caption={t.training.tasksCaption}
            rows={participants}
            rowKey={(e) => e.id}
            columns={[
              { key: 'name', header: t.training.participant, cell: (e) => e.name, sortValue: (e) => e.name },
              ...tasks.map((task) => ({ key: task.id, header: `${title(task)}${task.required ? ` (${t.training.required})` : ''}`, cell: (e: Enrolment) => cell(e, task) })),
            ]}
          />
          <p role="status" className={notice ? 'success' : undefined}>
            {notice}
          </p>
        </>
      )}
    </Section>
  );
}
