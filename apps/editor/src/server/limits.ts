/** Limits the server applies and the editor's pages tell their users about (no imports: the client bundles it). */

/** Rows of the report list: the most recently changed first; filters reach the rest. */
export const REPORT_LIST_LIMIT = 500;
