/**
 * Input that fails a procedure's schema, told in words an official reads:
 * the field's name as the form labels it, then what is wrong, in
 * Vietnamese (zod's own Vietnamese messages where a schema gives none).
 * Without this, tRPC sends the issues as a JSON string.
 */
import { z, type ZodError } from 'zod';

z.config(z.locales.vi());

/** Form labels of the input fields, by the last key of an issue's path. */
const FIELD_LABELS: Readonly<Record<string, string>> = {
  comment: 'Ý kiến',
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  displayName: 'Họ tên',
  role: 'Vai trò',
  name: 'Tên',
  code: 'Mã',
  kind: 'Loại',
  district: 'Huyện',
  province: 'Tỉnh',
  validFrom: 'Hiệu lực từ',
  validTo: 'Hiệu lực đến',
  period: 'Kỳ',
  due: 'Hạn nộp',
  unit: 'Đơn vị',
  csv: 'Tệp CSV',
  text: 'Văn bản',
  title: 'Tiêu đề',
  number: 'Số hiệu',
  issued: 'Ngày ban hành',
  signer: 'Người ký',
  body: 'Nội dung',
  metrics: 'Số liệu',
  targets: 'Chỉ tiêu',
  statedShares: 'Tỉ lệ nêu trong báo cáo',
  explanations: 'Giải trình',
  note: 'Ghi chú',
  fileBase64: 'Tệp',
  units: 'Đơn vị',
  provinces: 'Tỉnh',
};

/** The label of the field an input path points at: its last named key that the form labels. */
export function inputLabel(path: readonly PropertyKey[]): string | undefined {
  for (const p of [...path].reverse()) {
    if (typeof p === 'string' && FIELD_LABELS[p]) return FIELD_LABELS[p];
  }
  return undefined;
}

export function inputErrorMessage(error: ZodError): string {
  return error.issues
    .map((issue) => {
      const label = inputLabel(issue.path);
      return label ? `${label}: ${issue.message}` : issue.message;
    })
    .join('; ');
}
