export * from './people.module';
export { selfPersonId } from './self';
export { CreatePersonInput, Gender, EducationLevel } from './person.models';
