import { useI18n } from '../../i18n/i18n';
import { Facts } from '../../ui/facts';
import { CountyFigures } from './api';
import { certifiedIn } from './metrics';

/** One county's figures, shown in the map's tooltip. */
export function CountyDetails({ name, figures, year }: { name: string; figures: CountyFigures; year: number }) {
  const { t, format } = useI18n();
  const f = t.national.figure;
  const rows: [string, string][] = [
    [f.activeKeyWorkers, format.number(figures.activeKeyWorkers)],
    [f.per10k, format.number(figures.keyWorkersPer10k, 2)],
    [f.municipalitiesCovered, f.ofTotal(format.number(figures.municipalitiesCovered), format.number(figures.municipalities))],
    [t.national.metric.certified(year), format.number(certifiedIn(figures))],
  ];
  return (
    <>
      <p className="county-tooltip-name">{name}</p>
      <Facts items={rows} className="county-figures" />
    </>
  );
}
