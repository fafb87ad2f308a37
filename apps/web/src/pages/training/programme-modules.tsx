import { useI18n } from '../../i18n/i18n';
import { Programme } from './course-api';
import { moduleTheme } from './course-logic';

/** A programme's modules in curriculum order and its completion rule. */
export function ProgrammeModules({ programme }: { programme: Programme }) {
  const { t, locale } = useI18n();
  return (
    <>
      <ol className="modules">
        {programme.modules.map((m) => (
          <li key={m.id}>
            <span className="module-kind">{t.training.moduleKind[m.kind]}</span> {moduleTheme(locale, m)}
            {m.hours ? `, ${t.training.hours(m.hours)}` : ''} <span className="hint">({m.required ? t.training.required : t.training.optional})</span>
          </li>
        ))}
      </ol>
      <p className="hint">{programme.minSessions ? t.training.ruleMinSessions(programme.minSessions) : t.training.ruleAll}</p>
    </>
  );
}
