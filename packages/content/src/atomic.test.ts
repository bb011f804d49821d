import { linkSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomic.ts';

describe('writeFileAtomic', () => {
  it('makes the folders, and replaces a file shared as a hard link without changing the other name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-atomic-'));
    writeFileSync(join(dir, 'live.html'), 'old');
    linkSync(join(dir, 'live.html'), join(dir, 'copy.html'));
    await writeFileAtomic(join(dir, 'copy.html'), new TextEncoder().encode('new'));
    await writeFileAtomic(join(dir, 'a', 'b', 'c.md'), 'deep', { durable: true });
    expect(readFileSync(join(dir, 'live.html'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'copy.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(dir, 'a', 'b', 'c.md'), 'utf8')).toBe('deep');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves the old file and no temporary file when the write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'congkhai-atomic-'));
    writeFileSync(join(dir, 'f.md'), 'kept');
    // A folder where the file should be: the rename fails after the bytes were written.
    await expect(writeFileAtomic(join(dir, 'f.md', 'x'), 'new')).rejects.toThrow();
    await expect(writeFileAtomic(dir, 'new', { durable: true })).rejects.toThrow();
    expect(readFileSync(join(dir, 'f.md'), 'utf8')).toBe('kept');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
