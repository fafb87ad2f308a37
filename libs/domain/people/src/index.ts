export * from './people.module';
export { selfPersonId } from './self';
export { Gender, EducationLevel } from './person.models';
