import react from '@vitejs/plugin-react';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';

const api = 'http://localhost:3000';
const outDir = 'dist/web';

/**
 * Writes a .br and a .gz beside every text file of the build, once, at the highest levels (the
 * server sends whichever the browser accepts, never compressing per request): a phone on a slow
 * network gets a fifth of the bytes.
 */
function precompress(): Plugin {
  const compressible = /\.(js|css|html|svg|json|txt|map)$/;
  const files = (directory: string): string[] =>
    readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? files(join(directory, entry.name)) : [join(directory, entry.name)],
    );
  return {
    name: 'precompress',
    apply: 'build',
    closeBundle() {
      for (const file of files(outDir)) {
        if (!compressible.test(file) || statSync(file).size < 1024) continue;
        const content = readFileSync(file);
        writeFileSync(`${file}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: content.length } }));
        writeFileSync(`${file}.gz`, gzipSync(content, { level: 9 }));
      }
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the API server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), precompress()],
  build: { outDir: `../../${outDir}`, emptyOutDir: true },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ too (e.g. /api/http.ts): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?|$))': api,
      '/docs': api,
    },
  },
});
