/**
 * Where the server's CPU goes, from a V8 CPU profile of its process
 * (`node --cpu-prof`): self time summed by what ran it — the libsql client,
 * tRPC, zod, the file format (yaml, packages/report), the editor's own code,
 * Node's HTTP and sockets, the garbage collector. The phases of the
 * Server-Timing header tell what a save does; this tells who spends the CPU,
 * the HTTP and tRPC layers included, which no phase wraps.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string };
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

const BUCKETS: readonly (readonly [string, (name: string, url: string) => boolean])[] = [
  ['idle', (name) => name === '(idle)'],
  ['garbage collector', (name) => name === '(garbage collector)'],
  ['socket writes (writev, the kernel)', (name, url) => url === '' && name.startsWith('writev')],
  ['libsql client (prepare, run, rows)', (_, url) => url.includes('libsql')],
  ['tRPC (routing, responses)', (_, url) => url.includes('@trpc')],
  ['zod (schema validation)', (_, url) => url.includes('/zod/')],
  ['file format (yaml, packages/report)', (_, url) => /\/yaml\/|packages\/report\//.test(url)],
  ['editor server code (apps/editor/src)', (_, url) => url.includes('apps/editor/src')],
  ['Node (HTTP, streams, URL, timers)', (_, url) => url.startsWith('node:')],
  [
    'module loading (tsx, compile)',
    (name, url) => url.includes('tsx') || name.startsWith('compile'),
  ],
];

/** CPU ms by bucket, idle left out, largest first. */
export function profileBreakdown(dir: string): [string, number][] {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return [];
  const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile;
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const totals = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = frames.get(id);
    if (!frame) return;
    const bucket =
      BUCKETS.find(([, test]) => test(frame.functionName, frame.url))?.[0] ??
      'other (native, program)';
    totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  totals.delete('idle');
  return [...totals].sort((a, b) => b[1] - a[1]);
}
