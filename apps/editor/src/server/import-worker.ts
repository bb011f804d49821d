/**
 * Runs in a worker thread (see import-pool.ts): reading a report's text,
 * .docx or PDF takes time in proportion to its size, and on the request
 * thread it would stall every other editor's save.
 */
import { importFile, importText, numbersInText, type TextNumber } from '@congkhai/importer';

export interface ImportJob {
  readonly text?: string;
  readonly file?: Uint8Array;
}

type Imported = Awaited<ReturnType<typeof importFile>>;

/** The importer's answer, and when it read the text, every number of it where it stands. */
export type ImportOutcome =
  | (Extract<Imported, { ok: true }> & { readonly numbers: readonly TextNumber[] })
  | Extract<Imported, { ok: false }>;

export default async function propose(job: ImportJob): Promise<ImportOutcome> {
  const r =
    job.file !== undefined ? await importFile(Buffer.from(job.file)) : importText(job.text ?? '');
  return r.ok ? { ...r, numbers: numbersInText(r.report.text) } : r;
}
