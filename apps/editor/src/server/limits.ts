/** Limits the server applies and the editor's pages tell their users about (no imports: the client bundles it). */

/** Rows of the report list: the most recently changed first; filters reach the rest. */
export const REPORT_LIST_LIMIT = 500;

/** A password a user chooses: at least 12 characters (ASVS v4 2.1.1), up to 128 (at least 64 must be allowed, 2.1.2). */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** A one-time password (a new user, a reset) must be used and changed within 7 days. */
export const ONE_TIME_PASSWORD_DAYS = 7;
