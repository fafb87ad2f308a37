import { useI18n } from '../../i18n/i18n';
import { Enrolment } from './course-api';

const COURSE_TONE: Record<string, string> = { COMPLETED: 'ok', RUNNING: 'warn', CANCELLED: 'bad' };

export function CourseStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`badge ${COURSE_TONE[status] ?? ''}`}>{t.common.courseStatus[status] ?? status}</span>;
}

/** A participant's state; a completed key worker or trainer training shows the certificate and its date. */
export function EnrolmentBadge({ enrolment, tier }: { enrolment: Enrolment; tier: number }) {
  const { t, format } = useI18n();
  if (enrolment.status === 'COMPLETED') {
    const date = format.date(enrolment.completedOn);
    return <span className="badge ok">{tier === 3 ? t.training.completedOn(date) : t.training.certifiedOn(date)}</span>;
  }
  return <span className={`badge ${enrolment.status === 'DROPPED' ? 'bad' : ''}`}>{t.training.enrolmentStatus[enrolment.status]}</span>;
}
