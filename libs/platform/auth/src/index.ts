export * from './roles';
export * from './principal';
export * from './principal-context';
export * from './dev-issuer';
export * from './issuer-keys';
export * from './authentication.guard';
export * from './current-principal.decorator';
export * from './auth.module';
