import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Figure, Page, Section } from '../../ui/page';
import { currentYear, yearPeriod } from '../../ui/period';
import { Loaded, Loading } from '../../ui/status';
import { NATIONAL_METRICS, NationalMetrics } from './api';
import { AsOf } from './as-of';
import { classify, classOf } from './colour-classes';
import { CountyDetails } from './county-details';
import { AREA_COUNT, CountyMap, MapCounty } from './county-map';
import { useCountyNames } from './county-names';
import { CountyRow, CountyTable } from './county-table';
import { MapLegend } from './map-legend';
import { MetricChoice } from './metric-choice';
import { certifiedIn, formatMetric, MetricKey, metricLabel, metricValue } from './metrics';
import { YearSelect } from './year-select';
import './national.css';

/** THL's national picture: headline totals, the counties on a map coloured by a chosen figure, and side by side. */
export function NationalMapPage(_props: { route: Route }) {
  const { t } = useI18n();
  const [year, setYear] = useState(currentYear());
  const state = useQuery<{ nationalMetrics: NationalMetrics }>(NATIONAL_METRICS, { period: yearPeriod(year) });
  return (
    <Page title={t.common.nav.nationalMap}>
      <div className="toolbar">
        <YearSelect value={String(year)} onChange={(value) => setYear(Number(value))} />
      </div>
      {state.loading && state.data && <Loading />}
      <Loaded state={state}>{(data) => <NationalPicture metrics={data.nationalMetrics} year={year} />}</Loaded>
    </Page>
  );
}

function NationalPicture({ metrics, year }: { metrics: NationalMetrics; year: number }) {
  const { t } = useI18n();
  const { nameOf } = useCountyNames();
  const rows: CountyRow[] = metrics.counties.map((figures) => ({ code: figures.countyCode ?? '', name: nameOf(figures.countyCode, figures.name), figures }));
  const total: CountyRow = { code: 'total', name: t.national.wholeCountry, figures: metrics.total };
  return (
    <>
      <NationalFigures total={metrics.total} year={year} />
      <Section title={t.national.map.title} id="map-title">
        <ColouredMap rows={rows} year={year} />
      </Section>
      <Section title={t.national.table.title} id="table-title">
        <CountyTable rows={rows} total={total} year={year} />
        <AsOf asOf={metrics.asOf} />
      </Section>
    </>
  );
}

function NationalFigures({ total, year }: { total: NationalMetrics['total']; year: number }) {
  const { t, format } = useI18n();
  const f = t.national.figure;
  return (
    <div className="figures">
      <Figure label={f.activeKeyWorkers} value={format.number(total.activeKeyWorkers)} />
      <Figure label={t.national.metric.keyWorkersPer10k} value={format.number(total.keyWorkersPer10k, 2)} />
      <Figure
        label={f.municipalitiesCovered}
        value={f.ofTotal(format.number(total.municipalitiesCovered), format.number(total.municipalities))}
        hint={f.shareHint(format.percent(total.municipalityCoverageShare))}
      />
      <Figure label={t.national.metric.certified(year)} value={format.number(certifiedIn(total))} />
      <Figure label={f.activeTrainers} value={format.number(total.activeTrainers)} />
    </div>
  );
}

/** The map with its controls: the metric picked colours the counties in classes shown in the legend. */
function ColouredMap({ rows, year }: { rows: CountyRow[]; year: number }) {
  const { t, format } = useI18n();
  const [metric, setMetric] = useState<MetricKey>('keyWorkersPer10k');
  const label = metricLabel(metric, t, year);
  const values = rows.map((row) => metricValue(row.figures, metric));
  const present = values.filter((v): v is number => v !== null);
  const classes = classify(present);
  const counties = Object.fromEntries(
    rows.map((row, i): [string, MapCounty] => [
      row.code,
      {
        name: row.name,
        fill: classOf(classes, values[i])?.colour ?? null,
        label: t.national.map.countyLabel(row.name, label, values[i] === null ? t.national.map.noData : formatMetric(metric, values[i], format)),
        details: <CountyDetails name={row.name} figures={row.figures} year={year} />,
      },
    ]),
  );
  return (
    <div className="map-layout">
      <CountyMap label={t.national.map.label(label)} counties={counties} credit={t.national.map.credit} noDataLabel={t.national.map.noData} />
      <div className="map-side">
        <MetricChoice value={metric} onChange={setMetric} year={year} />
        <MapLegend title={label} classes={classes} noData={AREA_COUNT - present.length} formatValue={(v) => formatMetric(metric, v, format)} />
        <p className="hint">{t.national.map.hint}</p>
      </div>
    </div>
  );
}
