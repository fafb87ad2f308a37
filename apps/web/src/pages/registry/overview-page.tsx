import { useQuery } from '../../api/hooks';
import { useMe } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { Route } from '../../routing';
import { Figure, Page, Section } from '../../ui/page';
import { Loaded } from '../../ui/status';
import { EligibleNotCertified, IncompleteRecords, MunicipalitiesWithoutKeyWorker, UnitsWithoutKeyWorker } from './action-lists';
import { CoverageTable } from './coverage-table';
import { COUNTY_METRICS, CountyMetrics, CoverageSlice } from './queries';
import { useMunicipalities } from './shared';

/** The county's network at a glance: headline figures, coverage, and the lists that need action. */
export function OverviewPage(_props: { route: Route }) {
  const { t } = useI18n();
  const { countyCode } = useMe();
  // Coverage is the state now; "certified" counts courses started this calendar year.
  const year = new Date().getFullYear();
  const state = useQuery<{ countyMetrics: CountyMetrics }>(COUNTY_METRICS, { countyCode, period: { from: `${year}-01-01`, to: `${year}-12-31` } }, { skip: !countyCode });
  return (
    <Page title={t.common.nav.overview}>
      <Loaded state={state}>
        {({ countyMetrics }) => (
          <>
            <Headline metrics={countyMetrics} year={year} />
            <Coverage metrics={countyMetrics} />
          </>
        )}
      </Loaded>
      <div className="grid">
        <UnitsWithoutKeyWorker />
        <MunicipalitiesWithoutKeyWorker />
      </div>
      <EligibleNotCertified />
      <IncompleteRecords />
    </Page>
  );
}

function Headline({ metrics, year }: { metrics: CountyMetrics; year: number }) {
  const { t, format } = useI18n();
  const r = t.registry;
  const f = metrics.figures;
  const share = (part: number, whole: number) => (whole ? r.shareOfAll(format.percent(part / whole)) : undefined);
  const certified = f.throughput.find((x) => x.tier === 2)?.completed ?? 0;
  return (
    <section aria-labelledby="overview-figures">
      <h2 id="overview-figures" className="visually-hidden">
        {r.headlineFigures}
      </h2>
      <div className="figures registry-figures">
        <Figure label={r.activeKeyWorkers} value={format.number(f.activeKeyWorkers)} />
        <Figure label={r.per10k} value={format.number(f.keyWorkersPer10k, 2)} hint={f.population ? r.population(format.number(f.population), String(f.populationYear ?? '')) : undefined} />
        <Figure label={r.municipalitiesCovered} value={r.xOfY(format.number(f.municipalitiesCovered), format.number(f.municipalities))} hint={share(f.municipalitiesCovered, f.municipalities)} />
        <Figure label={r.unitsCovered} value={r.xOfY(format.number(f.unitsCovered), format.number(f.units))} hint={share(f.unitsCovered, f.units)} />
        <Figure label={r.activeTrainers} value={format.number(f.activeTrainers)} />
        <Figure label={r.certifiedIn(year)} value={format.number(certified)} hint={r.certifiedHint} />
      </div>
      <p className="hint">{f.asOf ? r.asOf(format.dateTime(f.asOf)) : r.neverComputed}</p>
    </section>
  );
}

/** The metrics list only slices that have units; a sector or municipality with none is a gap to show too. */
function withEveryKey(slices: CoverageSlice[], keys: string[]): CoverageSlice[] {
  const present = new Set(slices.map((s) => s.key));
  return [...slices, ...keys.filter((key) => !present.has(key)).map((key) => ({ key, activeKeyWorkers: 0, units: 0, unitsCovered: 0 }))];
}

function Coverage({ metrics }: { metrics: CountyMetrics }) {
  const { t } = useI18n();
  const r = t.registry;
  const municipalities = useMunicipalities();
  return (
    <Section title={r.coverage} id="overview-coverage">
      <p>{r.coverageIntro}</p>
      <div className="coverage-tables">
        <CoverageTable caption={r.bySector} sliceHeader={r.field.sector} slices={withEveryKey(metrics.bySector, Object.keys(t.common.sector))} nameOf={(key) => t.common.sector[key] ?? key} />
        <CoverageTable
          caption={r.byMunicipality}
          sliceHeader={r.field.municipality}
          slices={withEveryKey(metrics.byMunicipality, municipalities.options.map((m) => m.value))}
          nameOf={(key) => municipalities.nameOf(key) ?? key}
        />
        <CoverageTable caption={r.byOrganisationType} sliceHeader={r.field.organisationType} slices={metrics.byOrganisationType} nameOf={(key) => t.common.organisationType[key] ?? key} />
      </div>
    </Section>
  );
}
