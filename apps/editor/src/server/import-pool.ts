/**
 * Imports run off the request thread, in one worker thread (piscina), one
 * at a time: a big paste or .docx costs the importing editor a wait, not
 * every editor a stalled server. Each has a time bound, and a few wait
 * their turn; past that the caller is told to try again.
 */
import { Piscina } from 'piscina';
import type { ImportJob, ImportOutcome } from './import-worker.ts';

export type { ImportJob };

/** An import of the largest accepted input takes a few seconds; past this it is stopped. */
export const IMPORT_TIMEOUT_MS = 30_000;
/** Imports waiting for the worker; more are refused at once (429). */
export const IMPORT_QUEUE = 4;

let pool: Piscina | undefined;

export class ImportBusyError extends Error {
  override name = 'ImportBusyError';
}
export class ImportTimeoutError extends Error {
  override name = 'ImportTimeoutError';
}

export async function runImport(job: ImportJob): Promise<ImportOutcome> {
  pool ??= new Piscina({
    filename: new URL('./import-worker.ts', import.meta.url).href,
    maxThreads: 1,
    minThreads: 0,
    maxQueue: IMPORT_QUEUE,
    idleTimeout: 60_000,
  });
  if (pool.queueSize >= IMPORT_QUEUE) throw new ImportBusyError('queue full');
  try {
    return (await pool.run(job, {
      signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
    })) as ImportOutcome;
  } catch (e) {
    if (e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError'))
      throw new ImportTimeoutError('import took too long');
    throw e;
  }
}

/** Ends the worker (the server stopping). */
export async function closeImports(): Promise<void> {
  const p = pool;
  pool = undefined;
  await p?.destroy();
}
