import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';

/**
 * Fails the build when a JavaScript chunk grows past `limitBytes`, rather than printing Vite's
 * warning that nobody reads: a page should not make every visitor download the whole app.
 */
function chunkSizeLimit(limitBytes: number): Plugin {
  return {
    name: 'whathead-chunk-size-limit',
    apply: 'build',
    generateBundle(_options, bundle) {
      const oversized = Object.values(bundle)
        .filter((output) => output.type === 'chunk' && Buffer.byteLength(output.code) > limitBytes)
        .map(
          (output) =>
            `${output.fileName} (${Math.round(Buffer.byteLength((output as { code: string }).code) / 1000)} kB)`,
        );
      if (oversized.length > 0)
        this.error(
          `Chunks over ${limitBytes / 1000} kB: ${oversized.join(', ')}. Split them by route (app/router.tsx) or vendor group (vite.config.ts).`,
        );
    },
  };
}

// The server (apps/server) listens on port 3000 and serves /api; in development Vite serves the
// app and forwards /api there, so cookies stay same-origin as they are in production.
export default defineConfig({
  // No chunk over 500 kB (issue 9): the build fails instead of warning.
  plugins: [react(), chunkSizeLimit(500_000)],
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
            // ECharts is fetched with the Reports page's first chart (React.lazy), never with the app;
            // its renderer, zrender, first and apart, or the two together pass the size limit.
            { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
            { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
            // The builder's canvas (React Flow and its store) comes with the builder page only.
            { name: 'xyflow', test: /node_modules[\\/](@xyflow|zustand|classcat|d3-[a-z]+)[\\/]/ },
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
