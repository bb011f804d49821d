/**
 * Runs in a worker thread (see import-pool.ts): reading a report's text,
 * .docx or PDF takes time in proportion to its size, and on the request
 * thread it would stall every other editor's save.
 */
import { importFile, importText } from '@congkhai/importer';

export interface ImportJob {
  readonly text?: string;
  readonly file?: Uint8Array;
}

export type ImportOutcome = Awaited<ReturnType<typeof importFile>>;

export default async function propose(job: ImportJob): Promise<ImportOutcome> {
  return job.file !== undefined ? importFile(Buffer.from(job.file)) : importText(job.text ?? '');
}
