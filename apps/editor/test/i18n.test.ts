/**
 * The editor's dictionary is assembled from one file per screen
 * (src/client/lib/i18n/): no two screens' files name the same section (a
 * spread would keep only the later one's texts, silently), and every
 * section is in the dictionary in both languages with the same texts named.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { editorTexts } from '../src/client/lib/i18n/index.ts';

const dir = fileURLToPath(new URL('../src/client/lib/i18n/', import.meta.url));
const screens = readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'index.ts');

/** Each text's path (`section.key`) in a dictionary, sorted. */
const paths = (o: object): string[] =>
  Object.entries(o)
    .flatMap(([section, texts]) => Object.keys(texts as object).map((k) => `${section}.${k}`))
    .sort();

describe("the editor's dictionary", () => {
  it('takes each section from exactly one screen file, all of them in both languages', async () => {
    const sections: string[] = [];
    for (const file of screens) {
      const texts = (await import(`${dir}${file}`)) as { vi: object; en: object };
      expect(Object.keys(texts.en).sort(), file).toEqual(Object.keys(texts.vi).sort());
      sections.push(...Object.keys(texts.vi));
    }
    expect(screens.length).toBeGreaterThan(5);
    expect(new Set(sections).size).toBe(sections.length);
    expect(Object.keys(editorTexts('vi')).sort()).toEqual([...sections].sort());
    expect(Object.keys(editorTexts('en')).sort()).toEqual([...sections].sort());
  });

  it('names the same texts in Vietnamese and English', () => {
    const vi = editorTexts('vi');
    const en = editorTexts('en');
    expect(paths(en)).toEqual(paths(vi));
    expect(vi.builds.rollBack).toBe('Quay lại bản trước');
    expect(en.builds.rollBack).toBe('Roll back to the previous release');
  });
});
