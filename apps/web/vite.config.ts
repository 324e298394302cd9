import { fileURLToPath, URL } from 'node:url';
import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';
import { FEEDBACK_PATH } from './src/entry-path';
import { gqlDocuments } from './vite-gql-documents';
import { inlineEntryCss } from './vite-inline-css';
import { precompress } from './vite-precompress';
import { routePreload } from './vite-route-preload';

export default defineConfig({
  plugins: [
    gqlDocuments({ generated: fileURLToPath(new URL('./src/gql/graphql.ts', import.meta.url)) }),
    react(),
    inlineEntryCss(),
    // What main.tsx and the router will import for the path, asked for from index.html's head: the
    // feedback form's entry; the signed-in app, and on / the dashboard's page too.
    routePreload([
      { path: FEEDBACK_PATH, modules: ['src/features/feedback-form/feedback-entry.tsx'] },
      {
        path: /^\/$/,
        modules: ['src/app/app-entry.tsx', 'src/features/dashboard/pages/DashboardPage.tsx'],
        entryCss: true,
      },
      { path: /^/, modules: ['src/app/app-entry.tsx'], entryCss: true },
    ]),
    precompress(),
  ],
  resolve: {
    // Compile the workspace packages (@rapport/domain, @rapport/ui) from their TypeScript source.
    conditions: ['source', ...defaultClientConditions],
    alias: { '~': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  server: {
    port: 5173,
    proxy: { '/graphql': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each lazily loaded page needs (perf/web-budgets.mjs).
    manifest: true,
    rolldownOptions: {
      output: {
        // Libraries every page needs change less often than the app: their own chunks stay cached across
        // releases (with the src/app/libraries/ file through which main.tsx runs each one). The rest of node_modules follows the pages that import it (recharts, qrcode, …),
        // so it is not in the initial JavaScript of a page that does not need it.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler)[\\/]|src[\\/]app[\\/]libraries[\\/]react\.ts$/,
            },
            // Apart from React: the public feedback form (its own entry) has no router.
            {
              name: 'router',
              test: /node_modules[\\/](react-router|@remix-run|cookie-es)[\\/]|src[\\/]app[\\/]libraries[\\/]router\.ts$/,
            },
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|graphql|rxjs|@wry|optimism|tslib|graphql-tag)[\\/]|src[\\/]app[\\/]libraries[\\/]apollo\.ts$/,
            },
          ],
        },
      },
    },
  },
});
