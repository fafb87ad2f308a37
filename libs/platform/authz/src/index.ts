export * from './abilities';
export * from './ability.guard';
