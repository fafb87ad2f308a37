import { useState } from 'react';
import { useMutation, usePolling, useQuery } from '../../api/hooks';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Page, Section } from '../../ui/page';
import { currentYear, isCompletePeriod, yearPeriod } from '../../ui/period';
import { Empty, Loaded } from '../../ui/status';
import { ExportList } from './export-list';
import { ExportRequestForm, RequestExport } from './export-request-form';
import { EsfExport, EXPORT_FIELDS, isExportRunning } from './export-types';
import { EsfIndicator, IndicatorTable } from './indicator-table';
import { PeriodFields } from './period-fields';
import './files.css';

const EXPORTS = `{ esfExports { ${EXPORT_FIELDS} } }`;
const INDICATORS = 'query EsfIndicators($period: ExportPeriodInput!) { esfIndicators(period: $period) { code labelFi labelEn value } }';
const REQUEST = `mutation RequestEsfExport($input: RequestEsfExportInput!) { requestEsfExport(input: $input) { id status } }`;

/**
 * ESF+ reporting of one county: choose the period, see its indicators live, request files and download
 * them when the worker has written them.
 */
export function EsfExportPage(_props: { route: Route }) {
  const { t } = useI18n();
  // The previous calendar year: what the funder's yearly report covers.
  const [period, setPeriod] = useState(() => yearPeriod(currentYear() - 1));
  const complete = isCompletePeriod(period);
  const exports = useQuery<{ esfExports: EsfExport[] }>(EXPORTS);
  const indicators = useQuery<{ esfIndicators: EsfIndicator[] }>(INDICATORS, { period }, { skip: !complete });
  const request: RequestExport = useMutation(REQUEST);
  usePolling(!!exports.data?.esfExports.some((e) => isExportRunning(e.status)), exports.reload, 1500);

  return (
    <Page title={t.common.nav.esfExport}>
      <p>{t.files.exportIntro}</p>
      <div className="card">
        <PeriodFields period={period} onChange={setPeriod} error={request.error ?? indicators.error} />
      </div>
      <Section title={t.files.requestTitle} id="request-export">
        <ExportRequestForm period={period} request={request} onRequested={exports.reload} />
      </Section>
      <Section title={t.files.exportsTitle} id="esf-exports">
        <Loaded state={exports}>{({ esfExports }) => <ExportList exports={esfExports} />}</Loaded>
      </Section>
      <Section title={t.files.indicatorsTitle} id="esf-indicators">
        <p>{t.files.indicatorsIntro}</p>
        {complete ? (
          <Loaded state={indicators}>{({ esfIndicators }) => <IndicatorTable indicators={esfIndicators} period={period} />}</Loaded>
        ) : (
          <Empty>{t.files.choosePeriod}</Empty>
        )}
      </Section>
    </Page>
  );
}
