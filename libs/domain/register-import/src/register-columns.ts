import { registerEnumType } from '@nestjs/graphql';

/** What a column of a register can hold. */
export enum RegisterField {
  NAME = 'NAME',
  FIRST_NAME = 'FIRST_NAME',
  LAST_NAME = 'LAST_NAME',
  EMAIL = 'EMAIL',
  PHONE = 'PHONE',
  JOB_TITLE = 'JOB_TITLE',
  ORGANISATION = 'ORGANISATION',
  UNIT = 'UNIT',
  CERTIFIED_ON = 'CERTIFIED_ON',
}
registerEnumType(RegisterField, {
  name: 'RegisterField',
  valuesMap: {
    NAME: { description: 'Nimi / Namn / Name: "Etunimi Sukunimi" or "Sukunimi, Etunimi"' },
    FIRST_NAME: { description: 'Etunimi / Förnamn / First name' },
    LAST_NAME: { description: 'Sukunimi / Efternamn / Last name' },
    EMAIL: { description: 'Sähköposti / E-post / E-mail (required: the key of the upsert)' },
    PHONE: { description: 'Puhelin / Telefon / Phone' },
    JOB_TITLE: { description: 'Työtehtävä / Befattning / Job title' },
    ORGANISATION: { description: 'Organisaatio / Organisation / Organisation (an existing one, by name)' },
    UNIT: { description: 'Palvelu / Tjänst / Service or unit (an existing unit of the organisation, by name)' },
    CERTIFIED_ON: { description: 'Koulutettu / Utbildad / Certified on: the date (or year) the person was certified as a key worker' },
  },
});

/** Header names recognised without a mapping, compared case- and accent-insensitively. */
const DEFAULT_HEADERS: Record<RegisterField, string[]> = {
  NAME: ['nimi', 'namn', 'name', 'koko nimi', 'full name'],
  FIRST_NAME: ['etunimi', 'etunimet', 'förnamn', 'first name', 'firstname'],
  LAST_NAME: ['sukunimi', 'efternamn', 'last name', 'lastname', 'surname'],
  EMAIL: ['sähköposti', 'sähköpostiosoite', 's-posti', 'e-post', 'email', 'e-mail'],
  PHONE: ['puhelin', 'puhelinnumero', 'puh', 'telefon', 'phone', 'mobile'],
  JOB_TITLE: ['työtehtävä', 'tehtävänimike', 'ammattinimike', 'ammatti', 'befattning', 'job title', 'title'],
  ORGANISATION: ['organisaatio', 'työnantaja', 'organisation', 'organization', 'employer'],
  UNIT: ['palvelu', 'yksikkö', 'toimipiste', 'tjänst', 'enhet', 'unit', 'service'],
  CERTIFIED_ON: ['koulutettu', 'koulutuspäivä', 'sertifioitu', 'utbildad', 'certified', 'certified on'],
};

/** Which column (0-based) holds which field. */
export type ColumnMap = Partial<Record<RegisterField, number>>;

export interface ColumnMapping {
  field: RegisterField;
  column: string;
}

const normalise = (header: string) => header.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Resolves each field to a column: an explicit mapping wins, then the default header names. Reports
 * columns the mapping names but the file lacks, and a register with no e-mail or no name column.
 */
export function resolveColumns(headers: string[], mapping: ColumnMapping[] = []): { columns: ColumnMap; problems: string[] } {
  const index = new Map(headers.map((h, i) => [normalise(h), i] as const).reverse());
  const columns: ColumnMap = {};
  const problems: string[] = [];
  for (const field of Object.values(RegisterField)) {
    const found = DEFAULT_HEADERS[field].map((name) => index.get(name)).find((i) => i !== undefined);
    if (found !== undefined) columns[field] = found;
  }
  for (const { field, column } of mapping) {
    const found = index.get(normalise(column));
    if (found === undefined) problems.push(`The mapping names column "${column}" for ${field}, but the file has no such column`);
    else columns[field] = found;
  }
  if (columns.EMAIL === undefined) problems.push('No e-mail column: name it "Sähköposti" or map it to EMAIL');
  if (columns.NAME === undefined && (columns.FIRST_NAME === undefined || columns.LAST_NAME === undefined)) {
    problems.push('No name column: name it "Nimi" (or "Etunimi" and "Sukunimi") or map it to NAME');
  }
  return { columns, problems };
}

/** The column's header as the file spells it, for messages. */
export function columnName(headers: string[], columns: ColumnMap, field: RegisterField): string {
  const i = columns[field];
  return i === undefined ? field : headers[i];
}
