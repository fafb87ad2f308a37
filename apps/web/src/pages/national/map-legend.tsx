import { useI18n } from '../../i18n/i18n';
import { ColourClass } from './colour-classes';

/** The classes of the map's colour scale with their ranges and county counts, and the no-data hatch. */
export function MapLegend({ title, classes, noData, formatValue }: { title: string; classes: ColourClass[]; noData: number; formatValue: (value: number) => string }) {
  const { t } = useI18n();
  const range = (c: ColourClass) => (c.min === c.max ? formatValue(c.min) : `${formatValue(c.min)} – ${formatValue(c.max)}`);
  return (
    <div className="map-legend">
      <h3>
        {t.national.map.legend}: {title}
      </h3>
      <ul>
        {classes.map((c) => (
          <li key={c.min}>
            <span className="swatch" style={{ background: c.colour }} aria-hidden="true" />
            {range(c)} <span className="hint">({t.national.map.counties(c.count)})</span>
          </li>
        ))}
        {noData > 0 && (
          <li>
            <span className="swatch no-data" aria-hidden="true" />
            {t.national.map.noData} <span className="hint">({t.national.map.counties(noData)})</span>
          </li>
        )}
      </ul>
    </div>
  );
}
