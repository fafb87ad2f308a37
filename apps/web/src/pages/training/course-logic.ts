import type { Locale } from '../../i18n/i18n';
import { todayInFinland } from '../../ui/period';
import type { Messages } from '../../i18n/messages/training';
import { Course, CourseSession, Programme, ProgrammeModule } from './course-api';


export function moduleTheme(locale: Locale, module: ProgrammeModule): string {
  return locale === 'sv' ? module.themeSv : locale === 'en' ? module.themeEn : module.themeFi;
}

export const sessionModules = (programme: Programme) => programme.modules.filter((m) => m.kind === 'SESSION');
export const taskModules = (programme: Programme) => programme.modules.filter((m) => m.kind !== 'SESSION');

/** What a session covers, in the user's language: its module's theme, and its own theme when it has one. */
export function sessionContent(locale: Locale, session: CourseSession, programme: Programme | undefined): string {
  const module = programme?.modules.find((m) => m.id === session.moduleId);
  return [module ? moduleTheme(locale, module) : null, session.theme].filter(Boolean).join(' · ');
}

/**
 * The API names what a participant misses in English ("session: Lived experience II", "task: Final task",
 * "sessions: 3 of 5 attended"); the themes are the programme's, so they can be shown in the user's language.
 */
export function describeMissing(item: string, modules: ProgrammeModule[], locale: Locale, t: Messages): string {
  const count = /^sessions: (\d+) of (\d+) attended$/.exec(item);
  if (count) return t.sessionsAttended(Number(count[1]), Number(count[2]));
  const named = /^(session|task): (.*)$/.exec(item);
  const module = named && modules.find((m) => m.themeEn === named[2] && (m.kind === 'SESSION') === (named[1] === 'session'));
  if (!named || !module) return item;
  const theme = moduleTheme(locale, module);
  const kind = t.moduleKind[module.kind];
  // Task themes often are the kind itself ("Final task", "Intermediate task 2"): no need to say it twice.
  return theme.toLowerCase().startsWith(kind.toLowerCase()) ? theme : `${kind}: ${theme}`;
}

/** A default date for completing: today, unless the course has not started yet (the API wants a date on or after the first session). */
export function defaultCompletionDate(course: Course): string {
  const now = todayInFinland();
  return course.startsOn && now < course.startsOn ? (course.endsOn ?? course.startsOn) : now;
}
