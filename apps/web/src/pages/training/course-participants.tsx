import { FormEvent, useEffect, useRef, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { DataTable } from '../../ui/data-table';
import { Section } from '../../ui/page';
import { Empty } from '../../ui/status';
import { Refusal } from './refusal';
import { EnrolmentBadge } from './badges';
import { Course, DROP, ENROL, Enrolment, PersonRef } from './course-api';
import type { CoursePartProps } from './course-detail';
import { todayInFinland } from '../../ui/period';
import { describeMissing } from './course-logic';
import { PersonPicker } from './person-picker';

/** Who takes the course, how far each has got, and enrolling or dropping people. */
export function CourseParticipants({ course, programme, onChange }: CoursePartProps) {
  const { t, locale, format } = useI18n();
  const [dropping, setDropping] = useState<Enrolment | null>(null);
  const [notice, setNotice] = useState('');
  const dropDone = (changed?: Course) => {
    if (changed && dropping) {
      onChange(changed);
      setNotice(t.training.dropped(dropping.name));
    }
    setDropping(null);
  };
  const startDrop = (e: Enrolment) => {
    setNotice('');
    setDropping(e);
  };
  return (
    <Section title={t.training.participantsTitle} id="course-participants">
      {course.enrolments.length === 0 ? (
        <Empty>{t.training.noParticipants}</Empty>
      ) : (
        <DataTable<Enrolment>
          caption={t.training.participantsCaption}
          rows={course.enrolments}
          rowKey={(e) => e.id}
          columns={[
            { key: 'name', header: t.training.participant, cell: (e) => e.name, sortValue: (e) => e.name },
            { key: 'status', header: t.training.status, cell: (e) => <EnrolmentBadge enrolment={e} tier={course.tier} />, sortValue: (e) => e.status },
            { key: 'attended', header: t.training.attended, cell: (e) => format.number(e.attendedSessions), sortValue: (e) => e.attendedSessions, numeric: true },
            { key: 'missing', header: t.training.missing, cell: (e) => e.missing.map((m) => describeMissing(m, programme.modules, locale, t.training)).join('; ') || t.common.state.none },
            {
              key: 'actions',
              header: t.training.actions,
              cell: (e) =>
                e.status === 'ENROLLED' ? (
                  <button type="button" className="link" aria-label={t.training.dropPerson(e.name)} onClick={() => startDrop(e)}>
                    {t.training.drop}
                  </button>
                ) : null,
            },
          ]}
        />
      )}
      {dropping && <ConfirmDrop key={dropping.id} course={course} enrolment={dropping} onDone={dropDone} />}
      <p role="status" className={notice ? 'success' : undefined}>
        {notice}
      </p>
      <Enrol course={course} onChange={onChange} />
    </Section>
  );
}

/** Dropping cannot be undone (the person cannot be enrolled in the course again), so it is confirmed first. */
function ConfirmDrop({ course, enrolment, onDone }: { course: Course; enrolment: Enrolment; onDone: (course?: Course) => void }) {
  const { t } = useI18n();
  const drop = useMutation<{ dropEnrolment: Course }>(DROP);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), []);
  const confirm = async () => {
    const result = await drop.run({ input: { courseId: course.id, personId: enrolment.personId, droppedOn: todayInFinland() } });
    if (result) onDone(result.dropEnrolment);
  };
  return (
    <div className="confirm" role="group" aria-labelledby="confirm-drop-text" tabIndex={-1} ref={box}>
      <p id="confirm-drop-text">{t.training.confirmDrop(enrolment.name)}</p>
      <Refusal error={drop.error} />
      <div className="actions">
        <button type="button" className="danger" onClick={() => void confirm()} disabled={drop.running}>
          {t.training.drop}
        </button>
        <button type="button" onClick={() => onDone()}>
          {t.common.action.cancel}
        </button>
      </div>
    </div>
  );
}

function Enrol({ course, onChange }: { course: Course; onChange: (c: Course) => void }) {
  const { t } = useI18n();
  const [people, setPeople] = useState<PersonRef[]>([]);
  const [enrolled, setEnrolled] = useState(0);
  const enrol = useMutation<{ enrol: Course }>(ENROL);
  // Dropped people count too: the API refuses to enrol anyone twice.
  const already = new Set(course.enrolments.map((e) => e.personId));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setEnrolled(0);
    const result = await enrol.run({ input: { courseId: course.id, personIds: people.map((p) => p.personId) } });
    if (!result) return;
    onChange(result.enrol);
    setEnrolled(people.length);
    setPeople([]);
  };
  return (
    <form onSubmit={submit} aria-labelledby="enrol-title">
      <h3 id="enrol-title">{t.training.enrolTitle}</h3>
      <Refusal error={enrol.error} />
      <PersonPicker legend={t.training.peopleToEnrol} name="personIds" error={enrol.error} selected={people} onChange={setPeople} exclude={already} />
      <div className="actions">
        <button type="submit" className="primary" disabled={enrol.running || people.length === 0}>
          {enrol.running ? t.common.state.saving : t.training.enrol}
        </button>
      </div>
      <p role="status" className={enrolled ? 'success' : undefined}>
        {enrolled > 0 && t.training.enrolledCount(enrolled)}
      </p>
    </form>
  );
}
