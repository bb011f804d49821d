export { importText, importFile } from './import.ts';
export type {
  ImportResult,
  ImportWarning,
  NumberMention,
  ProposedPeriod,
  ProposedReport,
  SourcedMetrics,
  SourcedValue,
} from './import.ts';
export type { ProposedUnit, UnitCandidate } from './header.ts';
export { MAX_TEXT_CHARS, MAX_FILE_BYTES } from './decode.ts';
export { figuresOf, proposedPeriodId, proposedReport } from './draft.ts';
