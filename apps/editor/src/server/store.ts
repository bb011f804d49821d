/**
 * Database access, one module per domain under store/: users, units,
 * reports with their revisions, review, the audit log. New code imports
 * from the domain's module; this face stays for the modules that still
 * import the whole store.
 */
export { audit } from './store/audit.ts';
export {
  addRevision,
  findReport,
  getReport,
  history,
  insertReport,
  listReports,
  pageReports,
  setStatus,
  type ReportRow,
  type Status,
} from './store/reports.ts';
export { addComment, comments, workflowEvents, type WorkflowEventKind } from './store/review.ts';
export { listUnits, upsertUnit } from './store/units.ts';
export {
  countUsers,
  createUser,
  findUserByName,
  getUser,
  type Role,
  type User,
} from './store/users.ts';
export { text } from './store/values.ts';
