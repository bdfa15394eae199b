import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = 'http://localhost:3000';

/** The web app lives in src/web and is built to dist/web, which the API server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ too (e.g. /api/http.ts): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?|$))': api,
      '/docs': api,
    },
  },
});
