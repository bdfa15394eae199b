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
 * The first screens' own code (a page's chunk and the chunks it imports that index.html does not
 * already load), named in index.html's early script: on the page's address it is fetched
 * alongside the app's code instead of after it has run. Empty lists in development.
 */
function landingPageModules(pages: Record<string, string>): Plugin {
  return {
    name: 'landing-page-modules',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        const chunks = bundle ? Object.values(bundle).filter((output) => output.type === 'chunk') : [];
        const entry = chunks.find((chunk) => chunk.isEntry);
        const loadedFirst = new Set(entry ? [entry.fileName, ...entry.imports] : []);
        const modulesOf = (page: string) => {
          if (!bundle) return [];
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(page));
          if (!chunk) throw new Error(`landing-page-modules: no chunk for ${page}`);
          const files = new Set<string>();
          const visit = (fileName: string) => {
            if (loadedFirst.has(fileName) || files.has(fileName)) return;
            files.add(fileName);
            const output = bundle[fileName];
            if (output?.type === 'chunk') output.imports.forEach(visit);
          };
          visit(chunk.fileName);
          return [...files].map((file) => `/${file}`);
        };
        return Object.entries(pages).reduce((text, [marker, page]) => text.replace(`/* ${marker} */ []`, JSON.stringify(modulesOf(page))), html);
      },
    },
  };
}

/**
 * src/web/app/mantine-styles.ts imports Mantine's styles per component; this fails the build when
 * the app's code uses a class of @mantine/core that no emitted stylesheet defines (a component whose
 * styles were not imported: it would show unstyled), naming the file to add.
 */
function mantineStylesComplete(): Plugin {
  const stylesDir = 'node_modules/@mantine/core/styles';
  const classes = (text: string) => new Set(text.match(/m_[0-9a-f]{8}/g));
  return {
    name: 'mantine-styles-complete',
    apply: 'build',
    generateBundle(_, bundle) {
      const outputs = Object.values(bundle);
      const used = classes(outputs.map((o) => (o.type === 'chunk' ? o.code : '')).join('\n'));
      const defined = classes(outputs.map((o) => (o.type === 'asset' && o.fileName.endsWith('.css') ? String(o.source) : '')).join('\n'));
      const missing = readdirSync(stylesDir)
        .filter((file) => file.endsWith('.css') && !file.endsWith('.layer.css'))
        .filter((file) => [...classes(readFileSync(join(stylesDir, file), 'utf8'))].some((c) => used.has(c) && !defined.has(c)));
      if (missing.length > 0) this.error(`Mantine classes used without their styles: import ${missing.map((f) => `@mantine/core/styles/${f}`).join(', ')} in src/web/app/mantine-styles.ts`);
    },
  };
}

/**
 * The app's entry is fetched at once (a modulepreload where its script tag was) and started by
 * index.html's early script after the first paint: the "Loading…" line shows while the code is
 * evaluated, not after. In development Vite's own tag stays.
 */
function startAfterFirstPaint(): Plugin {
  return {
    name: 'start-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!tag || !html.includes("/* app-entry */ ''")) throw new Error("start-after-first-paint: no entry script tag or no /* app-entry */ '' in index.html");
        return html
          .replace(tag[0], `<link rel="modulepreload" crossorigin href="${tag[1]}">`)
          .replaceAll('<link rel="modulepreload" crossorigin', '<link rel="modulepreload" fetchpriority="low" crossorigin')
          .replace("/* app-entry */ ''", JSON.stringify(tag[1]));
      },
    },
  };
}

/** The web app lives in src/web and is built to dist/web, which the API server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    landingPageModules({
      'schedule-page-modules': '/pages/schedule/schedule-page.tsx',
      'client-profile-page-modules': '/pages/clients/client-profile-page.tsx',
    }),
    startAfterFirstPaint(),
    mantineStylesComplete(),
    precompress(),
  ],
  build: { outDir: `../../${outDir}`, emptyOutDir: true },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ too (e.g. /api/http.ts): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?|$))': api,
      '/docs': api,
    },
  },
});
