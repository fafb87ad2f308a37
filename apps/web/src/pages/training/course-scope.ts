import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';

/**
 * What the signed-in role is offered on the course pages. The API decides in the end: coordinators and
 * county admins run every course, trainers record only the addressing trainings (tier 3) they hold, and
 * THL's project manager runs THL's own trainer training (tier 1).
 */
export function useCourseScope() {
  const { t } = useI18n();
  const me = useMe();
  const thl = me.role === 'NATIONAL_ADMIN';
  const trainer = me.role === 'TRAINER';
  return {
    thl,
    trainer,
    title: thl ? t.common.nav.thlCourses : t.common.nav.courses,
    canPlan: thl || trainer || me.role === 'COUNTY_ADMIN' || me.role === 'COUNTY_COORDINATOR',
    /** Tiers this role may plan; null for all of them. */
    planTier: thl ? 1 : trainer ? 3 : null,
  };
}
