/** What every table's code shares: the client or transaction it runs on, reading a column as text, the time written. */
import type { Client, Transaction } from '@libsql/client';

export type Db = Client | Transaction;

/** A libsql value as text (rows type every column as a union of value kinds). */
export const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'bigint' ? v.toString() : '';

export const now = () => new Date().toISOString();
