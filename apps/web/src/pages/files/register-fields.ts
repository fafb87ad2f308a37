/** The register's fields, in the order the form lists them (the API's `RegisterField`). */
export const REGISTER_FIELDS = ['EMAIL', 'NAME', 'FIRST_NAME', 'LAST_NAME', 'PHONE', 'JOB_TITLE', 'ORGANISATION', 'UNIT', 'CERTIFIED_ON'] as const;
export type RegisterField = (typeof REGISTER_FIELDS)[number];

/**
 * Headers the API recognises without a mapping (libs/domain/register-import/src/register-columns.ts),
 * shown so that a user knows when a mapping is needed at all.
 */
export const DEFAULT_HEADERS: Record<RegisterField, string[]> = {
  EMAIL: ['Sähköposti', 'Sähköpostiosoite', 'S-posti', 'E-post', 'Email', 'E-mail'],
  NAME: ['Nimi', 'Namn', 'Name', 'Koko nimi', 'Full name'],
  FIRST_NAME: ['Etunimi', 'Etunimet', 'Förnamn', 'First name'],
  LAST_NAME: ['Sukunimi', 'Efternamn', 'Last name', 'Surname'],
  PHONE: ['Puhelin', 'Puhelinnumero', 'Puh', 'Telefon', 'Phone', 'Mobile'],
  JOB_TITLE: ['Työtehtävä', 'Tehtävänimike', 'Ammattinimike', 'Ammatti', 'Befattning', 'Job title', 'Title'],
  ORGANISATION: ['Organisaatio', 'Työnantaja', 'Organisation', 'Organization', 'Employer'],
  UNIT: ['Palvelu', 'Yksikkö', 'Toimipiste', 'Tjänst', 'Enhet', 'Unit', 'Service'],
  CERTIFIED_ON: ['Koulutettu', 'Koulutuspäivä', 'Sertifioitu', 'Utbildad', 'Certified', 'Certified on'],
};
