export default async function globalTeardown(): Promise<void> {
  await (globalThis as { lahdeTeardown?: () => Promise<void> }).lahdeTeardown?.();
}
