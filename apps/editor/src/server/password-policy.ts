/**
 * What a password a user chooses must be, after OWASP ASVS (v4 2.1, v5
 * 6.2) and NIST SP 800-63B: long enough (12 characters, counted after NFC
 * with runs of spaces as one), up to 128, any characters (Vietnamese
 * letters, spaces, emoji), no composition rules, and not a password
 * attackers try first: one of the common and breached passwords that
 * zxcvbn-ts ships (about 49,000, from public breach corpora), one of them
 * with digits or symbols around it, the user name, a word of this
 * application, or one character repeated or counted up.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './limits.ts';

let common: ReadonlySet<string> | undefined;
const commonPasswords = (): ReadonlySet<string> =>
  (common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())));

/** Words of this application and its users' first guesses (ASVS v5 6.2.11: context-specific words). */
const CONTEXT_WORDS = ['congkhai', 'côngkhai', 'matkhau', 'mậtkhẩu', 'bientap', 'biêntập', 'ubnd'];

/**
 * A password's length as ASVS counts it: code points after NFC (NIST SP
 * 800-63B counts each code point as one character), a run of spaces as one.
 */
export const passwordLength = (password: string): number =>
  Array.from(password.normalize('NFC').replace(/\s+/gu, ' ')).length;

/** One character repeated, a short group repeated, or characters counting up or down (aaaa, abcabc, 1234, zyxw). */
function trivial(p: string): boolean {
  const cps = Array.from(p, (ch) => ch.codePointAt(0) ?? 0);
  for (let unit = 1; unit <= 4; unit++)
    if (cps.length >= unit * 2 && cps.every((c, i) => c === cps[i % unit])) return true;
  const step = (cps[1] ?? 0) - (cps[0] ?? 0);
  return (
    (step === 1 || step === -1) && cps.every((c, i) => i === 0 || c - (cps[i - 1] ?? 0) === step)
  );
}

/**
 * Why a new password is refused, in Vietnamese (without the field's name),
 * or undefined when it is acceptable.
 */
export function passwordProblem(password: string, username: string): string | undefined {
  if (!password.isWellFormed()) return 'có ký tự không hợp lệ.';
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH)
    return `cần ít nhất ${String(PASSWORD_MIN_LENGTH)} ký tự (mới có ${String(length)}). Một câu ngắn dễ nhớ là đủ dài.`;
  if (length > PASSWORD_MAX_LENGTH)
    return `dài quá ${String(PASSWORD_MAX_LENGTH)} ký tự (có ${String(length)}).`;
  const p = password.normalize('NFC').toLowerCase();
  const bare = p.replace(/\s+/gu, '');
  const name = username.normalize('NFC').toLowerCase();
  // The core a person dresses up with digits and symbols: "Password2024!" is "password".
  const core = bare.replace(/^[\p{N}\p{P}\p{S}]+|[\p{N}\p{P}\p{S}]+$/gu, '');
  if (bare === name || core === name) return 'không được trùng với tên đăng nhập.';
  const list = commonPasswords();
  if (list.has(p) || list.has(bare) || (core.length >= 4 && list.has(core)))
    return 'đây là mật khẩu phổ biến hoặc đã bị lộ trong các vụ rò rỉ dữ liệu, nên bị dò ra đầu tiên. Hãy chọn mật khẩu khác, ví dụ một câu dài dễ nhớ.';
  if (CONTEXT_WORDS.includes(core))
    return 'chỉ là tên của ứng dụng hoặc từ "mật khẩu" thêm số, nên bị dò ra đầu tiên. Hãy chọn mật khẩu khác.';
  if (trivial(bare))
    return 'chỉ gồm ký tự lặp lại hoặc liên tiếp (như 111… hay abcd…), nên bị dò ra đầu tiên. Hãy chọn mật khẩu khác.';
  return undefined;
}
