import { useState } from 'react';
import { useQuery } from '../../api/hooks';
import { esfIndicatorName } from '../../i18n/esf-indicator';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Column, DataTable } from '../../ui/data-table';
import { Page, Section } from '../../ui/page';
import { currentYear, isCompletePeriod, yearPeriod } from '../../ui/period';
import { DateRangeFields } from '../../ui/period-fields';
import { Loaded, Loading } from '../../ui/status';
import { ESF_NATIONAL, EsfCell, EsfNationalIndicators, EsfOrganiser } from './api';
import { AsOf } from './as-of';
import { useCountyNames } from './county-names';
import { csvText, downloadCsv } from './csv';
import { YearSelect } from './year-select';
import './national.css';

/** Shown (and written to the CSV) in place of a suppressed count; never 0, which would be a false figure. */
const SUPPRESSED_MARK = '*';
const CUSTOM = 'custom';

interface Row {
  key: string;
  name: string;
  code: string;
  cells: Record<string, EsfCell>;
}

/** THL's ESF+ indicator summary: every organiser side by side with the national total, small cells suppressed. */
export function NationalEsfPage(_props: { route: Route }) {
  const { t, locale } = useI18n();
  const [choice, setChoice] = useState(String(currentYear()));
  const [range, setRange] = useState(yearPeriod(currentYear()));
  const period = choice === CUSTOM ? range : yearPeriod(Number(choice));
  const valid = isCompletePeriod(period);
  const state = useQuery<{ esfNationalIndicators: EsfNationalIndicators }>(ESF_NATIONAL, { period }, { skip: !valid });
  const rows = useRows(state.data?.esfNationalIndicators);
  const e = t.national.esf;

  return (
    <Page
      title={t.common.nav.esfNational}
      actions={
        <button type="button" className="primary" disabled={!rows || !valid || state.loading} onClick={() => rows && download(rows)}>
          {e.download}
        </button>
      }
    >
      <p>{e.intro}</p>
      <div className="toolbar">
        <YearSelect label={e.period} value={choice} onChange={setChoice} extra={[{ value: CUSTOM, label: e.otherDates }]} />
        {choice === CUSTOM && <DateRangeFields period={range} onChange={setRange} labels={{ from: e.from, to: e.to }} error={state.error} />}
      </div>
      {!valid && (
        <p className="field-error" role="alert">
          {e.badRange}
        </p>
      )}
      {valid && (
        <>
          {state.loading && state.data && <Loading />}
          <Loaded state={state}>{(data) => rows && <IndicatorTable data={data.esfNationalIndicators} rows={rows} />}</Loaded>
        </>
      )}
    </Page>
  );

  function download(list: { organisers: Row[]; total: Row; codes: EsfCell[] }) {
    const indicators = list.codes.map((cell) => `${esfIndicatorName(t.common, locale, cell)} (${cell.code})`);
    const line = (row: Row) => [row.name, row.code, ...list.codes.map((c) => cellText(row.cells[c.code], (n) => String(n)))];
    const text = csvText([[e.organiser, e.countyCode, ...indicators], ...list.organisers.map(line), line(list.total)]);
    downloadCsv(e.fileName(period.from, period.to), text);
  }
}

/** The organisers and the total as rows named in the user's language, and the indicators in the API's order. */
function useRows(data: EsfNationalIndicators | undefined) {
  const { t } = useI18n();
  const { nameOf } = useCountyNames();
  if (!data) return undefined;
  const row = (organiser: EsfOrganiser, name: string): Row => ({
    key: organiser.countyCode ?? 'total',
    name,
    code: organiser.countyCode ?? '',
    cells: Object.fromEntries(organiser.indicators.map((cell) => [cell.code, cell])),
  });
  return {
    organisers: data.organisers.map((o) => row(o, o.countyCode === '00' ? t.national.thl : nameOf(o.countyCode, o.name))),
    total: row(data.total, t.national.wholeCountry),
    codes: data.total.indicators,
  };
}

function cellText(cell: EsfCell | undefined, number: (n: number) => string): string {
  if (!cell) return '';
  return cell.suppressed || cell.value === null ? SUPPRESSED_MARK : number(cell.value);
}

function IndicatorTable({ data, rows }: { data: EsfNationalIndicators; rows: NonNullable<ReturnType<typeof useRows>> }) {
  const { t, format, locale } = useI18n();
  const e = t.national.esf;
  const columns: Column<Row>[] = [
    { key: 'name', header: e.organiser, cell: (row) => row.name, sortValue: (row) => row.name },
    ...rows.codes.map(
      (indicator): Column<Row> => ({
        key: indicator.code,
        header: esfIndicatorName(t.common, locale, indicator),
        numeric: true,
        cell: (row) => <IndicatorValue cell={row.cells[indicator.code]} />,
        sortValue: (row) => row.cells[indicator.code]?.value,
      }),
    ),
  ];
  const anySuppressed = [...rows.organisers, rows.total].some((row) => Object.values(row.cells).some((c) => c.suppressed));
  return (
    <Section title={e.title} id="esf-title">
      <div className="esf-table">
        <DataTable caption={e.caption(format.date(data.periodFrom), format.date(data.periodTo))} columns={columns} rows={rows.organisers} rowKey={(row) => row.key} footer={rows.total} />
      </div>
      {anySuppressed && <p className="hint">{e.footnote(SUPPRESSED_MARK)}</p>}
      <AsOf asOf={data.asOf} />
    </Section>
  );
}

function IndicatorValue({ cell }: { cell: EsfCell | undefined }) {
  const { t, format } = useI18n();
  if (!cell) return null;
  if (!cell.suppressed && cell.value !== null) return <>{format.number(cell.value)}</>;
  return (
    <span className="suppressed">
      <span aria-hidden="true">{SUPPRESSED_MARK}</span>
      <span className="visually-hidden">{t.national.esf.suppressed}</span>
    </span>
  );
}
