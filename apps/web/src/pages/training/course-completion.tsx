import { FormEvent, ReactNode, useId, useState } from 'react';
import { useMutation } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { TextField } from '../../ui/field';
import { Section } from '../../ui/page';
import { ErrorMessage } from '../../ui/status';
import { EnrolmentBadge } from './badges';
import { COMPLETE_COURSE, Course, Enrolment } from './course-api';
import type { CoursePartProps } from './course-detail';
import { defaultCompletionDate, describeMissing } from './course-logic';

/**
 * Completing applies the programme's rule: who meets it completes and, in a trainer (tier 1) or key
 * worker (tier 2) training, is certified. It can be run again after make-up sessions.
 */
export function CourseCompletion({ course, programme, onChange }: CoursePartProps) {
  const { t } = useI18n();
  const [completedOn, setCompletedOn] = useState(() => defaultCompletionDate(course));
  const [result, setResult] = useState<string>('');
  const complete = useMutation<{ completeCourse: Course }>(COMPLETE_COURSE);
  const active = course.enrolments.filter((e) => e.status !== 'DROPPED');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult('');
    const before = new Set(course.enrolments.filter((x) => x.status === 'COMPLETED').map((x) => x.personId));
    const answer = await complete.run({ input: { courseId: course.id, completedOn } });
    if (!answer) return;
    const after = answer.completeCourse;
    const now = after.enrolments.filter((x) => x.status === 'COMPLETED' && !before.has(x.personId)).length;
    const notYet = after.enrolments.filter((x) => x.status === 'ENROLLED').length;
    setResult(course.tier === 3 ? t.training.completedResult(now, notYet) : t.training.certifiedResult(now, notYet));
    onChange(after);
  };

  return (
    <Section title={t.training.completionTitle} id="course-completion">
      <p className="hint">{programme.minSessions ? t.training.ruleMinSessions(programme.minSessions) : t.training.ruleAll}</p>
      <form onSubmit={submit}>
        <ErrorMessage error={complete.error} />
        <div className="toolbar">
          <TextField label={t.training.completedOnLabel} name="completedOn" type="date" required hint={t.training.completedOnHint} value={completedOn} onChange={(e) => setCompletedOn(e.target.value)} error={complete.error} />
          <button type="submit" className="primary" disabled={complete.running}>
            {complete.running ? t.common.state.saving : t.training.completeCourse}
          </button>
        </div>
        {course.status === 'COMPLETED' && <p className="hint">{t.training.runAgainHint}</p>}
      </form>
      <p role="status" className={result ? 'success' : undefined}>
        {result}
      </p>
      <Outcome title={course.tier === 1 ? t.training.certifiedTrainersTitle : course.tier === 2 ? t.training.certifiedKeyWorkers : t.training.completedParticipants} people={active.filter((e) => e.status === 'COMPLETED')}>
        {(e) => <EnrolmentBadge enrolment={e} tier={course.tier} />}
      </Outcome>
      <Outcome title={t.training.readyTitle} hint={t.training.readyHint} people={active.filter((e) => e.status === 'ENROLLED' && e.missing.length === 0)} />
      <Outcome title={t.training.notCompletedTitle} people={active.filter((e) => e.status === 'ENROLLED' && e.missing.length > 0)}>
        {(e) => <Missing enrolment={e} programme={programme} />}
      </Outcome>
    </Section>
  );
}

/** One group of participants by where they stand, with a count in its heading. */
function Outcome({ title, hint, people, children }: { title: string; hint?: string; people: Enrolment[]; children?: (e: Enrolment) => ReactNode }) {
  const id = useId();
  if (people.length === 0) return null;
  return (
    <div className="outcome">
      <h3 id={id}>
        {title} ({people.length})
      </h3>
      {hint && <p className="hint">{hint}</p>}
      <ul aria-labelledby={id}>
        {people.map((e) => (
          <li key={e.id}>
            <span className="outcome-name">{e.name}</span> {children?.(e)}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Missing({ enrolment, programme }: { enrolment: Enrolment; programme: CoursePartProps['programme'] }) {
  const { t, locale } = useI18n();
  return (
    <span className="hint">
      {t.training.misses}: {enrolment.missing.map((m) => describeMissing(m, programme.modules, locale, t.training)).join('; ')}
    </span>
  );
}
