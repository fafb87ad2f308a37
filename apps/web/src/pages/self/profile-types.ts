/** The caller's own person record, as the profile page reads it. */
export interface Profile {
  id: string;
  version: number;
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
  jobTitle: string | null;
  workAddress: string | null;
  gender: string | null;
  birthYear: number | null;
  educationLevel: string | null;
  esfDataEntered: boolean;
  directoryOptIn: boolean;
  missingFields: string[];
  unit: { id: string; name: string; organisationName: string; sector: string } | null;
}

export const PROFILE_FIELDS = `id version firstName lastName email phone jobTitle workAddress gender birthYear educationLevel
  esfDataEntered directoryOptIn missingFields unit { id name organisationName sector }`;
