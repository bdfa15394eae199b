import react from '@vitejs/plugin-react';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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
          // The page's own chunk, or the group chunk that holds it (firstScreenChunks).
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(page)) ?? chunks.find((c) => c.moduleIds.some((id) => id.endsWith(page)));
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

/**
 * The first screens' code in a handful of files instead of forty. Left to itself the bundler cuts
 * every module shared by two lazy screens into its own chunk: the schedule needed 28 files and a
 * client's profile 40, and over HTTP/1.1 (six connections, each file a round trip and a new TCP
 * ramp) a phone on a slow network waited more for the round trips than for the bytes. So the
 * code the app starts with is one chunk, what the schedule and the profile both use another, and
 * each of those pages' own code one more; every other screen is split as before. The groups are
 * read from the module graph (static imports from the entry and from each landing page), recorded
 * at the end of the build phase, before chunks are made.
 */
function firstScreenChunks(o: { entry: string; pages: Record<string, string> }) {
  const staticImports = new Map<string, readonly string[]>();
  const closure = (from: (id: string) => boolean) => {
    const seen = new Set<string>();
    const visit = (id: string) => {
      if (seen.has(id)) return;
      seen.add(id);
      for (const imported of staticImports.get(id) ?? []) {
        const through = barrelExports(imported);
        const names = through && namesImported(id, packageOf(imported)!);
        // A package's index (Mantine's) imports every component: follow only what is imported from it.
        if (through && names) {
          seen.add(imported);
          for (const name of names) visit(through.get(name) ?? imported);
        } else visit(imported);
      }
    };
    [...staticImports.keys()].filter(from).forEach(visit);
    return seen;
  };
  let sets: { app: Set<string>; pages: [string, Set<string>][]; shared: Set<string> } | undefined;
  const groupsOf = () => {
    if (sets) return sets;
    const app = closure((id) => id.endsWith(o.entry));
    const pages = Object.entries(o.pages).map(([name, page]): [string, Set<string>] => [name, new Set([...closure((id) => id.endsWith(page))].filter((id) => !app.has(id)))]);
    const shared = new Set([...(pages[0]?.[1] ?? [])].filter((id) => pages.every(([, set]) => set.has(id))));
    sets = { app, pages, shared };
    return sets;
  };
  const plugin: Plugin = {
    name: 'first-screen-chunks',
    apply: 'build',
    buildEnd() {
      for (const id of this.getModuleIds()) staticImports.set(id, this.getModuleInfo(id)?.importedIds ?? []);
      sets = undefined;
    },
  };
  const groups = [
    { name: 'app', priority: 40, test: (id: string) => groupsOf().app.has(id) },
    { name: 'first-screens', priority: 30, test: (id: string) => groupsOf().shared.has(id) },
    ...Object.keys(o.pages).map((name) => ({ name, priority: 20, test: (id: string) => groupsOf().pages.find(([page]) => page === name)![1].has(id) })),
  ];
  return { plugin, codeSplitting: { groups } };
}

const packageOf = (id: string) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(id)?.[1];
const sourceOf = (id: string) => (id.startsWith('/') && existsSync(id.split('?')[0]!) ? readFileSync(id.split('?')[0]!, 'utf8') : '');

/** For a package index that only imports and re-exports (`import { X } from "./x.mjs"` … `export { X }`): each name's module. */
const barrelExports = memo((id: string): Map<string, string> | undefined => {
  if (!packageOf(id) || !/\/index\.m?js$/.test(id)) return undefined;
  const text = sourceOf(id);
  const lines = text.split('\n').filter((line) => line.trim() && !line.trim().startsWith('//'));
  if (lines.length === 0 || !lines.every((line) => /^(import|export)\b|^\s|^\}/.test(line))) return undefined;
  const modules = new Map<string, string>();
  for (const [, names, from] of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    const file = join(dirname(id), from!);
    for (const name of names!.split(',')) modules.set(name.trim().split(/\s+as\s+/).pop()!, file);
  }
  const exported = new Map<string, string>();
  for (const [, names] of text.matchAll(/export\s*\{([^}]*)\}/g)) {
    for (const name of names!.split(',').map((n) => n.trim()).filter(Boolean)) {
      const [local, as = local] = name.split(/\s+as\s+/);
      const file = modules.get(local!);
      if (file) exported.set(as!, file);
    }
  }
  return exported.size > 0 ? exported : undefined;
});

/** The names a module imports from a package (`import { A, type B, C as D } from 'pkg'`); undefined when it takes more (`* as`, or cannot be read). */
function namesImported(importer: string, pkg: string): string[] | undefined {
  const text = sourceOf(importer);
  const quoted = pkg.replace(/[/.]/g, '\\$&');
  if (!text || new RegExp(`\\*\\s+as\\s+\\w+\\s+from\\s*['"]${quoted}['"]`).test(text)) return undefined;
  const names = [...text.matchAll(new RegExp(`import\\s*(type\\s+)?\\{([^}]*)\\}\\s*from\\s*['"]${quoted}['"]`, 'g'))]
    .filter((match) => !match[1])
    .flatMap((match) => match[2]!.split(','))
    .map((name) => name.trim())
    .filter((name) => name && !name.startsWith('type '))
    .map((name) => name.split(/\s+as\s+/)[0]!);
  return names.length > 0 ? names : undefined;
}

function memo<T>(compute: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, compute(key));
    return cache.get(key)!;
  };
}

const landingPages = {
  'schedule-page-modules': '/pages/schedule/schedule-page.tsx',
  'client-profile-page-modules': '/pages/clients/client-profile-page.tsx',
};
const chunks = firstScreenChunks({
  entry: '/src/web/main.tsx',
  pages: { 'schedule-screen': landingPages['schedule-page-modules'], 'client-profile-screen': landingPages['client-profile-page-modules'] },
});

/** The web app lives in src/web and is built to dist/web, which the API server serves. */
export default defineConfig({
  root: 'src/web',
  plugins: [
    react(),
    landingPageModules(landingPages),
    chunks.plugin,
    startAfterFirstPaint(),
    mantineStylesComplete(),
    precompress(),
  ],
  build: {
    outDir: `../../${outDir}`,
    emptyOutDir: true,
    rolldownOptions: { output: { codeSplitting: chunks.codeSplitting } },
    // The app's first chunk is one file on purpose (firstScreenChunks): about 550 kB, 140 kB brotli on the wire.
    chunkSizeWarningLimit: 800,
  },
  server: {
    proxy: {
      // The app's own modules live under src/web/api/ too (e.g. /api/http.ts): Vite serves those.
      '^/api/(?!.*\\.tsx?(\\?|$))': api,
      '/docs': api,
    },
  },
});
