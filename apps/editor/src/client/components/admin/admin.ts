/** What the administration screen's sections share: the rows they show, and how they tell the page what happened. */
import type { api } from '../../lib/api.ts';

export type UserRow = Awaited<ReturnType<typeof api.users.list.query>>[number];
export type Province = Awaited<ReturnType<typeof api.units.provinces.query>>[number];

/**
 * A section's word to the page, which shows one message at a time at its
 * top (and a new one-time password there, in view, the only time it can be
 * read); after a change the page loads the lists again.
 */
export interface AdminFeedback {
  /** Before an action: the last message, error and password go. */
  clear(): void;
  done(message: string): Promise<void>;
  failed(err: unknown): void;
  password(username: string, password: string, created: boolean): Promise<void>;
  /** The lists again, after a change. */
  reload(): Promise<void>;
}
