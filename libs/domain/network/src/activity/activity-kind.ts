import { registerLabelledEnum } from '@lahde/domain/directory';

/** What key workers do in the role, as the model counts it. */
export enum ActivityKind {
  CONSULTATION = 'CONSULTATION',
  PAIR_WORK = 'PAIR_WORK',
  INFO_SESSION = 'INFO_SESSION',
  ADDRESSING_TRAINING = 'ADDRESSING_TRAINING',
}

registerLabelledEnum(ActivityKind, 'ActivityKind', {
  CONSULTATION: { fi: 'Konsultaatio', sv: 'Konsultation', en: 'Consultation' },
  PAIR_WORK: { fi: 'Parityöskentely', sv: 'Pararbete', en: 'Pair work' },
  INFO_SESSION: { fi: 'Infotilaisuus', sv: 'Informationstillfälle', en: 'Info session' },
  ADDRESSING_TRAINING: { fi: 'Puheeksioton koulutus', sv: 'Utbildning i att ta upp våld', en: 'Addressing training' },
});
