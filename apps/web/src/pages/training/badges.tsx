import { useI18n } from '../../i18n/i18n';
import { Badge, Tone } from '../../ui/badge';
import { Enrolment } from './course-api';

const COURSE_TONE: Record<string, Tone> = { COMPLETED: 'ok', RUNNING: 'warn', CANCELLED: 'bad' };

export function CourseStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <Badge label={t.common.courseStatus[status] ?? status} tone={COURSE_TONE[status]} />;
}

/** A participant's state; a completed key worker or trainer training shows the certificate and its date. */
export function EnrolmentBadge({ enrolment, tier }: { enrolment: Enrolment; tier: number }) {
  const { t, format } = useI18n();
  if (enrolment.status === 'COMPLETED') {
    const date = format.date(enrolment.completedOn);
    return <Badge label={tier === 3 ? t.training.completedOn(date) : t.training.certifiedOn(date)} tone="ok" />;
  }
  return <Badge label={t.training.enrolmentStatus[enrolment.status]} tone={enrolment.status === 'DROPPED' ? 'bad' : undefined} />;
}
