export * from './roles';
export * from './migrate';
export * from './migrations';
export * from './database.module';
export * from './postgres-errors';
export * from './write-helpers';
export * from './omittable';
export * from './advisory-lock';
