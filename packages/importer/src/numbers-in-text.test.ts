import { describe, expect, it } from 'vitest';
import { numbersInText } from './numbers-in-text.ts';

describe('numbersInText', () => {
  const text = 'Ngày 30/6/2023, xã tiếp nhận 1.164 hồ sơ; trực tuyến 1.145 hồ sơ, đạt 98,4%.';
  const found = numbersInText(text);

  it('finds each figure where the text has it, with its sentence', () => {
    const received = found.find((n) => n.value === 1164);
    expect(received && text.slice(received.offset, received.end)).toBe('1.164');
    expect(received?.sentence).toBe(text);
    expect(received?.notFigure).toBeUndefined();
    const share = found.find((n) => n.percent);
    expect(share && text.slice(share.offset, share.end)).toBe('98,4%');
    expect(share?.value).toBe(98.4);
  });

  it('marks a date as no figure rather than hiding it', () => {
    const day = found.find((n) => n.offset === text.indexOf('30'));
    expect(day?.notFigure).toBeDefined();
    expect(found.some((n) => n.value === 1164 && n.notFigure === undefined)).toBe(true);
  });
});
