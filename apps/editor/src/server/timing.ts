/**
 * Where a request spends its time, phase by phase, told in a Server-Timing
 * header (browser devtools show it; `pnpm bench:editor` adds it up). Opt-in
 * (Services.serverTiming): the header tells how the server works inside, so
 * it is off unless whoever runs the server asks for it.
 */

/** A request's phases, in the order they first ran; a phase timed twice adds up. */
export class Timing {
  private readonly phases = new Map<string, number>();
  private since = performance.now();

  /** Starts a lap: what runs from here to `lap(name)` (code not wrapped in `timed`, such as tRPC's input parsing) is `name`. */
  mark(): void {
    this.since = performance.now();
  }

  lap(name: string): void {
    this.record(name, performance.now() - this.since);
    this.mark();
  }

  record(name: string, ms: number): void {
    this.phases.set(name, (this.phases.get(name) ?? 0) + ms);
  }

  /** The header's value: `session;dur=0.41, write;dur=1.20` (ms, two decimals). */
  header(): string {
    return [...this.phases].map(([name, ms]) => `${name};dur=${ms.toFixed(2)}`).join(', ');
  }
}

/** Times `work` as `name` on a request's timing, or just does it when nobody asked. */
export function timed<T>(timing: Timing | undefined, name: string, work: () => T): T;
export function timed<T>(
  timing: Timing | undefined,
  name: string,
  work: () => Promise<T>,
): Promise<T>;
export function timed<T>(
  timing: Timing | undefined,
  name: string,
  work: () => T | Promise<T>,
): T | Promise<T> {
  if (!timing) return work();
  const started = performance.now();
  const result = work();
  if (result instanceof Promise)
    return result.finally(() => {
      timing.record(name, performance.now() - started);
    });
  timing.record(name, performance.now() - started);
  return result;
}

/** Parses a Server-Timing header back into phases (the bench's reading of it). */
export function parseServerTiming(header: string | null): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.find((p) => p.trim().startsWith('dur='));
    if (name && dur) out.set(name, (out.get(name) ?? 0) + Number(dur.trim().slice(4)));
  }
  return out;
}
