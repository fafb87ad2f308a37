import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { optionsOf, SelectField } from '../../ui/field';
import { ChartSeries, LineChart } from '../../ui/line-chart';
import { Page, Section } from '../../ui/page';
import { currentYear, recentYears } from '../../ui/period';
import { Empty, Loaded, Loading } from '../../ui/status';
import { Granularity, METRICS_TREND, TrendPoint } from './api';
import { useCountyNames } from './county-names';
import './national.css';

interface Filters {
  countyCode: string;
  granularity: Granularity;
  fromYear: number;
  toYear: number;
}

/** The network over time, nationally or for one county: certifications, active key workers, reach. */
export function TrendsPage(_props: { route: Route }) {
  const { t } = useI18n();
  const names = useCountyNames();
  const [filters, setFilters] = useState<Filters>({ countyCode: '', granularity: 'QUARTER', fromYear: currentYear() - 2, toYear: currentYear() });
  const state = useQuery<{ metricsTrend: TrendPoint[] }>(METRICS_TREND, {
    countyCode: filters.countyCode || null,
    granularity: filters.granularity,
    period: { from: `${filters.fromYear}-01-01`, to: `${filters.toYear}-12-31` },
  });
  const area = filters.countyCode ? names.nameOf(filters.countyCode, filters.countyCode) : t.national.wholeCountry;
  return (
    <Page title={t.common.nav.trends}>
      <TrendFilters filters={filters} onChange={setFilters} names={names} />
      {state.loading && state.data && <Loading />}
      <Loaded state={state}>{(data) => (data.metricsTrend.length ? <TrendCharts points={data.metricsTrend} filters={filters} area={area} /> : <Empty />)}</Loaded>
    </Page>
  );
}

function TrendFilters({ filters, onChange, names }: { filters: Filters; onChange: (filters: Filters) => void; names: ReturnType<typeof useCountyNames> }) {
  const { t, locale } = useI18n();
  const tr = t.national.trends;
  const areas = names.counties.map((c) => ({ value: c.code, label: names.nameOf(c.code, c.nameFi) })).sort((a, b) => a.label.localeCompare(b.label, locale));
  const years = [...recentYears()].reverse();
  const yearOptions = (from: number) => years.filter((y) => y >= from).map((y) => ({ value: String(y), label: String(y) }));
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change });
  return (
    <div className="toolbar trend-filters" role="group" aria-label={tr.filters}>
      <SelectField label={tr.area} name="countyCode" value={filters.countyCode} onChange={(e) => set({ countyCode: e.target.value })} options={areas} placeholder={t.national.wholeCountry} />
      <SelectField label={tr.granularity} name="granularity" value={filters.granularity} onChange={(e) => set({ granularity: e.target.value as Granularity })} options={optionsOf(tr.granularityOption)} />
      <SelectField
        label={tr.fromYear}
        name="from"
        value={String(filters.fromYear)}
        // Keep the period the right way round: a later start pushes the end along.
        onChange={(e) => set({ fromYear: Number(e.target.value), toYear: Math.max(filters.toYear, Number(e.target.value)) })}
        options={yearOptions(years[0])}
      />
      <SelectField label={tr.toYear} name="to" value={String(filters.toYear)} onChange={(e) => set({ toYear: Number(e.target.value) })} options={yearOptions(filters.fromYear)} />
    </div>
  );
}

function TrendCharts({ points, filters, area }: { points: TrendPoint[]; filters: Filters; area: string }) {
  const { t, format } = useI18n();
  const tr = t.national.trends;
  const categories = points.map((p) => periodLabel(p.periodStart));
  const chart = (title: string, note: string, series: ChartSeries[]) => (
    <Section title={title}>
      <p className="hint chart-note">{note}</p>
      <LineChart
        title={title}
        description={tr.describe(title, area, filters.fromYear, filters.toYear)}
        categories={categories}
        series={series}
        categoryHeader={tr.period}
        tableLabel={tr.showTable}
      />
    </Section>
  );
  const series = (key: keyof TrendPoint, label: string): ChartSeries => ({ key, label, values: points.map((p) => p[key] as number | null) });

  function periodLabel(start: string): string {
    const [year, month] = start.split('-').map(Number);
    if (filters.granularity === 'YEAR') return String(year);
    if (filters.granularity === 'QUARTER') return tr.quarter(Math.floor((month - 1) / 3) + 1, year);
    return format.month(start);
  }

  return (
    <>
      {chart(tr.certified.title, tr.certified.note, [series('keyWorkersCertified', tr.certified.keyWorkers), series('trainersCertified', tr.certified.trainers)])}
      {chart(tr.active.title, tr.active.note, [series('activeKeyWorkers', tr.active.series)])}
      {chart(tr.reach.title, tr.reach.note, [series('addressingParticipants', tr.reach.participants), series('activities', tr.reach.activities)])}
    </>
  );
}
