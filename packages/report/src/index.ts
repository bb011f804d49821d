export type { FileError, Parsed } from './errors.ts';
export type { Report } from './report.ts';
export { parseReport, MAX_REPORT_CHARS } from './parse.ts';
export { serializeReport } from './serialize.ts';
export { renderMarkdown } from './render.ts';
export { parseUnits, serializeUnits, unitFromRecord, type UnitRecord } from './units.ts';
export { REPORT_SCHEMA_VERSION } from './schema.ts';
export { normalizeText } from './text.ts';
export { reportPath, unitId } from './paths.ts';
