import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

/** The newest V8 CPU profile in a directory, as self time by package and by function (percent of samples). */
export function summarizeProfile(directory: string, top = 40): string {
  // CPU.<date>.<time>.<pid>.<thread>.<sequence>.cpuprofile: the newest main thread's (thread 0; tsx's loader runs in another).
  const file = readdirSync(directory)
    .filter((f) => /\.0\.\d+\.cpuprofile$/.test(f))
    .sort()
    .at(-1);
  if (!file) return `no CPU profile in ${directory}`;
  const profile = JSON.parse(readFileSync(join(directory, file), 'utf8')) as { nodes: ProfileNode[]; samples: number[] };
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (const sample of profile.samples) {
    const node = byId.get(sample)!;
    const where = node.callFrame.url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*?\/(src|scripts)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + 1);
  }
  const total = profile.samples.length;
  const byPackage = new Map<string, number>();
  for (const [key, count] of self) {
    const where = key.split(' ').slice(1).join(' ');
    const pkg = where.startsWith('src/')
      ? where.split('/').slice(0, 3).join('/')
      : where.startsWith('@')
        ? where.split('/').slice(0, 2).join('/')
        : where.startsWith(':') ? key.split(' ')[0]! : where.split('/')[0]!;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + count);
  }
  // Inclusive time of the project's own functions (src/ and scripts/): which use case the samples are spent under.
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const inclusive = new Map<string, number>();
  for (const sample of profile.samples) {
    const seen = new Set<string>();
    for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
      const node = byId.get(id)!;
      const match = /\/(src|scripts)\/(.*)$/.exec(node.callFrame.url);
      if (!match) continue;
      seen.add(`${node.callFrame.functionName || '(anonymous)'} ${match[1]}/${match[2]}`);
    }
    for (const key of seen) inclusive.set(key, (inclusive.get(key) ?? 0) + 1);
  }
  const pct = (count: number) => `${((count / total) * 100).toFixed(1).padStart(5)} %`;
  return [
    `${file}: ${total} samples`,
    'self time by package / folder:',
    ...[...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([k, c]) => `${pct(c)}  ${k}`),
    'self time by function:',
    ...[...self].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `${pct(c)}  ${k}`),
    'inclusive time of project functions:',
    ...[...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `${pct(c)}  ${k}`),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(summarizeProfile(process.argv[2] ?? '.', Number(process.argv[3] ?? 40)));
