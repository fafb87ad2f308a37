import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = dirname(fileURLToPath(import.meta.url));

/** The web app: a static bundle the API serves from the same origin (see apps/api/src/web/web-pages.ts). */
export default defineConfig({
  root,
  base: '/',
  publicDir: resolve(root, 'public'),
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: resolve(root, '../../dist/apps/web'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npx vite apps/web` while `npm start` runs: the API answers from its own port.
    proxy: Object.fromEntries(['/graphql', '/auth', '/exports', '/privacy', '/health'].map((p) => [p, `http://127.0.0.1:${process.env['API_PORT'] ?? 3000}`])),
  },
});
