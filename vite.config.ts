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

/**
 * The schedule page's own code (its chunk and the chunks it imports that index.html does not
 * already load), named in index.html's early script: on the schedule's address it is fetched
 * alongside the app's code instead of after it has run. Empty in development.
 */
function schedulePageModules(): Plugin {
  const marker = '/* schedule-page-modules */ []';
  return {
    name: 'schedule-page-modules',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html.replace(marker, '[]');
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        const entry = chunks.find((chunk) => chunk.isEntry)!;
        const page = chunks.find((chunk) => chunk.facadeModuleId?.endsWith('/pages/schedule/schedule-page.tsx'));
        if (!page) throw new Error('schedule-page-modules: no chunk for pages/schedule/schedule-page.tsx');
        const loadedFirst = new Set([entry.fileName, ...entry.imports]);
        const files = new Set<string>();
        const visit = (fileName: string) => {
          if (loadedFirst.has(fileName) || files.has(fileName)) return;
          files.add(fileName);
          const chunk = bundle[fileName];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        visit(page.fileName);
        return html.replace(marker, JSON.stringify([...files].map((file) => `/${file}`)));
      },
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the API server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [react(), schedulePageModules(), precompress()],
  build: { outDir: `../../${outDir}`, emptyOutDir: true },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ too (e.g. /api/http.ts): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?|$))': api,
      '/docs': api,
    },
  },
});
