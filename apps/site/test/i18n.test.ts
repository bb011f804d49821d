/**
 * The site's dictionary is assembled from one file per part of the site
 * (src/lib/texts/): no two files name the same text or section (a spread
 * would keep only the later one's, silently), and every text is in the
 * dictionary in both languages.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { t } from '../src/lib/i18n.ts';

const dir = fileURLToPath(new URL('../src/lib/texts/', import.meta.url));
const parts = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'translation.ts');

/** Each text's path (`key` or `section.key`) in a dictionary, sorted. */
const paths = (o: object): string[] =>
  Object.entries(o as Record<string, unknown>)
    .flatMap(([key, text]) =>
      typeof text === 'object' && text !== null
        ? Object.keys(text).map((k) => `${key}.${k}`)
        : [key],
    )
    .sort();

describe("the site's dictionary", () => {
  it('takes each text from exactly one file, all of them in both languages', async () => {
    const keys: string[] = [];
    for (const file of parts) {
      const texts = (await import(`${dir}${file}`)) as { vi: object; en: object };
      expect(paths(texts.en), file).toEqual(paths(texts.vi));
      keys.push(...Object.keys(texts.vi));
    }
    expect(parts.length).toBeGreaterThan(5);
    expect(new Set(keys).size).toBe(keys.length);
    expect(Object.keys(t('vi')).sort()).toEqual([...keys].sort());
    expect(Object.keys(t('en')).sort()).toEqual([...keys].sort());
  });

  it('names the same texts in Vietnamese and English', () => {
    expect(paths(t('en'))).toEqual(paths(t('vi')));
    expect(t('vi').nav.directory).toBe('Đơn vị');
    expect(t('en').nav.directory).toBe('Units');
    expect(t('en').unitsCount('1')).toBe('1 unit');
    expect(t('en').unitsCount('1,164')).toBe('1,164 units');
  });
});
