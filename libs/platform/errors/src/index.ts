export * from './app-errors';
export * from './format-error';
export * from './validation.pipe';
export * from './app-error.filter';
export * from './uuid.pipe';
export * from './local-date';
