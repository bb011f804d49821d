/**
 * When builds and search indexes start: data and pure functions of the
 * clock the publisher reads, so the timing rules are in one place.
 */

/** At most one build starts per second: a burst of publishes becomes one build now and one for the rest. */
export const MIN_INTERVAL_MS = 1000;

/** A failed build is tried again after 2 s, then twice as late each time up to a minute, at most 10 times. */
const RETRY_FIRST_MS = 2000;
const RETRY_MAX_MS = 60_000;
const RETRY_ATTEMPTS = 10;

/** How long to wait before retrying after `failures` failures in a row; undefined: do not retry. */
export function retryDelay(failures: number): number | undefined {
  if (failures === 0 || failures > RETRY_ATTEMPTS) return undefined;
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** (failures - 1));
}

/** The search index waits for this much quiet after a publish, and never lags more than the second. */
const SEARCH_QUIET_MS = 5000;
const SEARCH_MAX_LAG_MS = 60_000;

/**
 * How long until the search index is rebuilt: once publishing pauses (it
 * takes a core for tens of seconds at 3,300 units and would slow the
 * publishes that follow), or at the latest a minute after it went stale.
 */
export function searchDelay(staleSince: number, now: number): number {
  return Math.min(SEARCH_QUIET_MS, Math.max(0, staleSince + SEARCH_MAX_LAG_MS - now));
}

/** Seconds, as the build log writes them. */
export const sec = (ms: number) => (ms / 1000).toFixed(1);
