import { registerLabelledEnum } from '@lahde/domain/directory';

/** Why someone's data was read or changed: shown to the person in their access report. */
export enum AccessPurpose {
  NETWORK_ADMINISTRATION = 'NETWORK_ADMINISTRATION',
  TRAINING_DELIVERY = 'TRAINING_DELIVERY',
  THL_TRAINER_TRAINING = 'THL_TRAINER_TRAINING',
  ESF_REPORTING = 'ESF_REPORTING',
  SELF_SERVICE = 'SELF_SERVICE',
  DATA_SUBJECT_REQUEST = 'DATA_SUBJECT_REQUEST',
  ERASURE = 'ERASURE',
  RETENTION = 'RETENTION',
  AUTOMATED_PROCESSING = 'AUTOMATED_PROCESSING',
  REGISTRY_USE = 'REGISTRY_USE',
}
registerLabelledEnum(AccessPurpose, 'AccessPurpose', {
  NETWORK_ADMINISTRATION: { fi: 'Verkoston hallinnointi', sv: 'Administration av nätverket', en: 'Network administration' },
  TRAINING_DELIVERY: { fi: 'Koulutuksen järjestäminen', sv: 'Genomförande av utbildning', en: 'Training delivery' },
  THL_TRAINER_TRAINING: { fi: 'THL:n kouluttajakoulutus', sv: 'THL:s utbildning för utbildare', en: "THL's trainer training" },
  ESF_REPORTING: { fi: 'ESR-raportointi', sv: 'ESF-rapportering', en: 'ESF reporting' },
  SELF_SERVICE: { fi: 'Omien tietojen käyttö', sv: 'Egna uppgifter', en: 'Self-service' },
  DATA_SUBJECT_REQUEST: { fi: 'Tarkastuspyyntö', sv: 'Begäran om registerutdrag', en: 'Subject access request' },
  ERASURE: { fi: 'Tietojen poistaminen', sv: 'Radering av uppgifter', en: 'Erasure' },
  RETENTION: { fi: 'Säilytysajan päättyminen', sv: 'Lagringstiden har gått ut', en: 'Retention period ended' },
  AUTOMATED_PROCESSING: { fi: 'Automaattinen käsittely (tilastot)', sv: 'Automatisk behandling (statistik)', en: 'Automated processing (metrics)' },
  REGISTRY_USE: { fi: 'Rekisterin käyttö (rooli ei tiedossa)', sv: 'Användning av registret (roll okänd)', en: 'Registry use (role not recorded)' },
});

export interface AuditFacts {
  actor: string;
  actorRole: string | null;
  action: string;
  purpose: string | null;
}

/**
 * The purpose of an audit entry: the one recorded with it when the operation stated one (access
 * reports, erasure, retention), else derived from the action and the caller's role. `selfActor` is
 * the requester's own sign-in when they ask for their own report, so their own reads read as
 * self-service. Entries written before roles were recorded fall back to REGISTRY_USE.
 */
export function purposeOf(entry: AuditFacts, selfActor: string | null): { purpose: AccessPurpose; recorded: boolean } {
  if (entry.purpose && entry.purpose in AccessPurpose) return { purpose: entry.purpose as AccessPurpose, recorded: true };
  return { purpose: derived(entry, selfActor), recorded: false };
}

function derived(entry: AuditFacts, selfActor: string | null): AccessPurpose {
  if (entry.actor === 'system') return AccessPurpose.AUTOMATED_PROCESSING;
  if (entry.action === 'EXPORT') return AccessPurpose.ESF_REPORTING;
  if (selfActor !== null && entry.actor === selfActor) return AccessPurpose.SELF_SERVICE;
  switch (entry.actorRole) {
    case 'COUNTY_COORDINATOR':
    case 'COUNTY_ADMIN':
      return AccessPurpose.NETWORK_ADMINISTRATION;
    case 'TRAINER':
      return AccessPurpose.TRAINING_DELIVERY;
    case 'KEY_WORKER':
      // A key worker sees no one's record but their own.
      return AccessPurpose.SELF_SERVICE;
    case 'ESF_REPORTER':
      return AccessPurpose.ESF_REPORTING;
    case 'NATIONAL_ADMIN':
      return AccessPurpose.THL_TRAINER_TRAINING;
    default:
      return AccessPurpose.REGISTRY_USE;
  }
}
