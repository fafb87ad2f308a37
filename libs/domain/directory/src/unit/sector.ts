import { registerEnumType } from '@nestjs/graphql';

/** The target groups of the model: coverage is counted per sector. */
export enum Sector {
  SOCIAL_AND_HEALTH_CARE = 'SOCIAL_AND_HEALTH_CARE',
  EARLY_CHILDHOOD_EDUCATION = 'EARLY_CHILDHOOD_EDUCATION',
  STUDENT_WELFARE = 'STUDENT_WELFARE',
  OCCUPATIONAL_HEALTH = 'OCCUPATIONAL_HEALTH',
  BASIC_EDUCATION = 'BASIC_EDUCATION',
  YOUTH_SERVICES = 'YOUTH_SERVICES',
  EMPLOYMENT_SERVICES = 'EMPLOYMENT_SERVICES',
  THIRD_SECTOR = 'THIRD_SECTOR',
  PARISH = 'PARISH',
  OTHER = 'OTHER',
}

export const SECTOR_LABELS: Record<Sector, { fi: string; sv: string; en: string }> = {
  SOCIAL_AND_HEALTH_CARE: { fi: 'Sosiaali- ja terveydenhuolto', sv: 'Social- och hälsovård', en: 'Social and health care' },
  EARLY_CHILDHOOD_EDUCATION: { fi: 'Varhaiskasvatus', sv: 'Småbarnspedagogik', en: 'Early childhood education' },
  STUDENT_WELFARE: { fi: 'Opiskeluhuolto', sv: 'Elevhälsa', en: 'Student welfare' },
  OCCUPATIONAL_HEALTH: { fi: 'Työterveyshuolto', sv: 'Företagshälsovård', en: 'Occupational health' },
  BASIC_EDUCATION: { fi: 'Perusopetus', sv: 'Grundläggande utbildning', en: 'Basic education' },
  YOUTH_SERVICES: { fi: 'Nuorisopalvelut', sv: 'Ungdomstjänster', en: 'Youth services' },
  EMPLOYMENT_SERVICES: { fi: 'Työvoimapalvelut', sv: 'Arbetskraftstjänster', en: 'Employment services' },
  THIRD_SECTOR: { fi: 'Kolmas sektori', sv: 'Tredje sektorn', en: 'Third sector' },
  PARISH: { fi: 'Seurakunta', sv: 'Församling', en: 'Parish' },
  OTHER: { fi: 'Muu', sv: 'Annan', en: 'Other' },
};

/** Registers an enum for GraphQL with its Finnish / Swedish / English labels as value descriptions. */
export function registerLabelledEnum(values: object, name: string, labels: Record<string, { fi: string; sv: string; en: string }>): void {
  registerEnumType(values, {
    name,
    valuesMap: Object.fromEntries(Object.entries(labels).map(([k, l]) => [k, { description: `${l.fi} / ${l.sv} / ${l.en}` }])),
  });
}

registerLabelledEnum(Sector, 'Sector', SECTOR_LABELS);
