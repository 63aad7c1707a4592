import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The server (apps/server) listens on port 3000 and serves /api; in development Vite serves the
// app and forwards /api there, so cookies stay same-origin as they are in production.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // Libraries change less often than the app: in chunks of their own, a browser keeps them
        // cached across releases. Pages are split off by router.tsx, each fetched when first visited.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
            { name: 'libraries', test: /node_modules[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/testing/setup-tests.ts'],
    // Stylesheets stay empty in tests, except those a test reads as text (`?raw`) to check a rule
    // that jsdom, having no layout, cannot show.
    css: { include: [/\.css\?raw$/] },
    // Well above the 10 s element wait of src/testing/setup-tests.ts: a test that waits for
    // several elements on a busy machine must fail on a missing element, not on the clock.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
