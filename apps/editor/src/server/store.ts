/**
 * Database access, one module per domain under store/: users, units,
 * reports with their revisions, review, the audit log. New code imports
 * from the domain's module; this face stays for the modules that still
 * import the whole store (seed.ts, bench/publish.ts), with only what they use.
 */
export { findReport, insertReport } from './store/reports.ts';
export { listUnits, upsertUnit } from './store/units.ts';
export { countUsers, createUser } from './store/users.ts';
export { text } from './store/values.ts';
