/** A person's record as the API answers it: the registry's pages and the person's own profile read the same fields. */

export interface PersonUnit {
  id: string;
  name: string;
  organisationName: string;
  sector: string;
}

/** What a list of people shows. */
export interface PersonRow {
  id: string;
  firstName: string;
  lastName: string;
  email: string;
  missingFields: string[];
  unit: PersonUnit | null;
}

export interface Person extends PersonRow {
  phone: string | null;
  jobTitle: string | null;
  workAddress: string | null;
  gender: string | null;
  birthYear: number | null;
  educationLevel: string | null;
  esfDataEntered: boolean;
  directoryOptIn: boolean;
  version: number;
}

export const PERSON_ROW_FIELDS = 'id firstName lastName email missingFields unit { id name organisationName sector }';
export const PERSON_FIELDS = `${PERSON_ROW_FIELDS} phone jobTitle workAddress gender birthYear educationLevel esfDataEntered directoryOptIn version`;
