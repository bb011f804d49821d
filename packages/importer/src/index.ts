export { importText, importFile } from './import.ts';
export type {
  ImportResult,
  ImportWarning,
  ProposedPeriod,
  ProposedReport,
  SourcedMetrics,
  SourcedValue,
} from './import.ts';
export type { ProposedUnit } from './header.ts';
export { MAX_TEXT_CHARS, MAX_FILE_BYTES } from './decode.ts';
export { numbersInText, type TextNumber } from './numbers-in-text.ts';
