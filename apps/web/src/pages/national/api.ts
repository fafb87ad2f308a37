/** The API's shapes and queries the national pages read (see apps/api/schema.graphql). */

export interface TierThroughput {
  tier: number;
  completed: number;
}

export interface CountyFigures {
  countyCode: string | null;
  name: string;
  population: number | null;
  activeKeyWorkers: number;
  keyWorkersPer10k: number | null;
  municipalities: number;
  municipalitiesCovered: number;
  municipalityCoverageShare: number | null;
  units: number;
  unitsCovered: number;
  activeTrainers: number;
  throughput: TierThroughput[];
}

export interface NationalMetrics {
  asOf: string | null;
  counties: CountyFigures[];
  total: CountyFigures;
}

const FIGURES = `countyCode name population activeKeyWorkers keyWorkersPer10k municipalities municipalitiesCovered
  municipalityCoverageShare units unitsCovered activeTrainers throughput { tier completed }`;

export const NATIONAL_METRICS = `query NationalMetrics($period: PeriodInput!) {
  nationalMetrics(period: $period) { asOf counties { ${FIGURES} } total { ${FIGURES} } }
}`;

export interface CountyName {
  code: string;
  nameFi: string;
  nameSv: string;
  nameEn: string;
}

export const COUNTIES = `{ counties { code nameFi nameSv nameEn } }`;

export type Granularity = 'MONTH' | 'QUARTER' | 'YEAR';

export interface TrendPoint {
  periodStart: string;
  activeKeyWorkers: number | null;
  activities: number;
  addressingParticipants: number;
  keyWorkersCertified: number;
  trainersCertified: number;
}

export const METRICS_TREND = `query Trend($countyCode: String, $granularity: Granularity!, $period: PeriodInput!) {
  metricsTrend(countyCode: $countyCode, granularity: $granularity, period: $period) {
    periodStart activeKeyWorkers activities addressingParticipants keyWorkersCertified trainersCertified
  }
}`;

export type CascadeKind = 'THL' | 'COUNTY' | 'TRAINER' | 'KEY_WORKER';

export interface CascadeNode {
  id: string;
  kind: CascadeKind;
  label: string | null;
  active: boolean;
  trainers: number;
  keyWorkers: number;
  activeKeyWorkers: number;
  addressingParticipants: number;
  broken: boolean;
  brokenLinks: number;
  certifiedByThl: boolean;
  branching: number;
  children: CascadeNode[];
}

const NODE = 'id kind label active trainers keyWorkers activeKeyWorkers addressingParticipants broken brokenLinks certifiedByThl branching';

/** Two levels below the root at most: what the tree asks for in one request. */
export const CASCADE = `query Cascade($rootId: ID, $depth: Int!) {
  cascade(rootId: $rootId, depth: $depth) { ${NODE} children { ${NODE} children { ${NODE} } } }
}`;

export interface EsfCell {
  code: string;
  labelFi: string;
  labelEn: string;
  value: number | null;
  suppressed: boolean;
}

export interface EsfOrganiser {
  countyCode: string | null;
  name: string;
  indicators: EsfCell[];
}

export interface EsfNationalIndicators {
  asOf: string | null;
  periodFrom: string;
  periodTo: string;
  organisers: EsfOrganiser[];
  total: EsfOrganiser;
}

const ORGANISER = 'countyCode name indicators { code labelFi labelEn value suppressed }';

export const ESF_NATIONAL = `query EsfNational($period: ExportPeriodInput!) {
  esfNationalIndicators(period: $period) { asOf periodFrom periodTo organisers { ${ORGANISER} } total { ${ORGANISER} } }
}`;
