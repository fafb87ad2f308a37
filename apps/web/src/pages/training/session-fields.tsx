import { useI18n } from '../../i18n/i18n';
import { SelectField, TextField } from '../../ui/field';
import { ProgrammeModule } from './course-api';
import { moduleTheme } from './course-logic';

export interface SessionDraft {
  date: string;
  startsAt: string;
  endsAt: string;
  moduleId: string;
  theme: string;
  place: string;
  isMakeup: boolean;
}

export const emptySession = (module?: ProgrammeModule, place = ''): SessionDraft => ({
  date: '',
  startsAt: '09:00',
  endsAt: endTime('09:00', module?.hours ?? 4),
  moduleId: module?.id ?? '',
  theme: '',
  place,
  isMakeup: false,
});

function endTime(start: string, hours: number): string {
  const [h, m] = start.split(':').map(Number);
  const minutes = Math.min(h * 60 + m + Math.round(hours * 60), 23 * 60 + 59);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** The input of `addCourseSession` as it goes to the API. */
export function sessionInput(courseId: string, s: SessionDraft) {
  return { courseId, date: s.date, startsAt: s.startsAt, endsAt: s.endsAt, moduleId: s.moduleId || null, theme: s.theme || null, place: s.place || null, isMakeup: s.isMakeup };
}

/** The fields of one session (day); `error` is the answer to adding it, so the API's messages show at its fields. */
export function SessionFields({ value, onChange, modules, error, makeup }: { value: SessionDraft; onChange: (change: Partial<SessionDraft>) => void; modules: ProgrammeModule[]; error?: unknown; makeup?: boolean }) {
  const { t, locale } = useI18n();
  const options = modules.map((m) => ({ value: m.id, label: `${m.position}. ${moduleTheme(locale, m)}${m.hours ? ` (${t.training.hours(m.hours)})` : ''}` }));
  return (
    <div className="form-grid">
      <TextField label={t.training.date} name="date" type="date" required value={value.date} onChange={(e) => onChange({ date: e.target.value })} error={error} />
      <TextField label={t.training.startsAt} name="startsAt" type="time" required value={value.startsAt} onChange={(e) => onChange({ startsAt: e.target.value })} error={error} />
      <TextField label={t.training.endsAt} name="endsAt" type="time" required value={value.endsAt} onChange={(e) => onChange({ endsAt: e.target.value })} error={error} />
      <SelectField label={t.training.module} name="moduleId" value={value.moduleId} onChange={(e) => onChange({ moduleId: e.target.value })} options={options} placeholder={t.training.noModule} error={error} />
      <TextField label={t.training.theme} name="theme" value={value.theme} maxLength={200} onChange={(e) => onChange({ theme: e.target.value })} error={error} />
      <TextField label={t.training.sessionPlace} name="place" value={value.place} maxLength={200} onChange={(e) => onChange({ place: e.target.value })} error={error} />
      {makeup && (
        <label className="check">
          <input type="checkbox" checked={value.isMakeup} onChange={(e) => onChange({ isMakeup: e.target.checked })} />
          {t.training.makeup}
        </label>
      )}
    </div>
  );
}
