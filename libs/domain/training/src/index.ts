export * from './training.module';
export { evaluateCompletion } from './programme/completion';
