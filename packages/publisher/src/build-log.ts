/**
 * The record of builds: who or what asked for each, when it ran, how it
 * ended and its log. The publisher writes it through this interface; the
 * editor keeps it in its database (the `builds` table) and lists it.
 */

/** Why a build is wanted: what happened, the unit it concerns (if one), and who did it. */
export interface BuildRequest {
  readonly reason: string;
  readonly unit?: string;
  readonly by?: string;
}

/** How a request reads in the build log and the list of builds. */
export const describeRequest = (r: BuildRequest) => (r.by ? `${r.reason} (${r.by})` : r.reason);

/** How a build ended (while it runs, its record says so: the keeper's own status). */
export type FinishedStatus = 'live' | 'failed';

export interface BuildLog {
  /** A build of `release` starts for `requests`; answers its id. */
  started(release: string, requests: readonly BuildRequest[]): Promise<number>;
  /** It ended: `pages` HTML pages live (0 when it failed), and what it did or what went wrong. */
  finished(id: number, status: FinishedStatus, pages: number, log: string): Promise<void>;
}
