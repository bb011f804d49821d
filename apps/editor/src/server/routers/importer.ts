/**
 * Import: a report's text, .docx or PDF in; a proposal out, each figure
 * with its source sentence, and every number of the text where it stands
 * (for the review, where any of them can be assigned to a field).
 */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ImportBusyError, ImportTimeoutError, runImport } from '../import-pool.ts';
import { authed, router } from '../trpc.ts';

/** A commune's report is tens of thousands of characters; a whole year's pasted backlog stays well under this. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** A .docx or PDF of 20 MB (base64 is 4/3 of it) holds far more than a report's text and tables. */
const MAX_FILE_BASE64 = 28_000_000;

export const importRouter = router({
  propose: authed
    .input(
      z.object({
        text: z
          .string()
          .max(
            MAX_IMPORT_CHARS,
            `văn bản dài quá ${MAX_IMPORT_CHARS.toLocaleString('vi-VN')} ký tự; hãy nhập từng báo cáo một.`,
          )
          .optional(),
        fileBase64: z.string().max(MAX_FILE_BASE64, 'tệp lớn quá 20 MB.').optional(),
      }),
    )
    .mutation(async ({ input }) => {
      let r;
      try {
        r = await runImport(
          input.fileBase64 !== undefined
            ? { file: Buffer.from(input.fileBase64, 'base64') }
            : { text: input.text ?? '' },
        );
      } catch (e) {
        if (e instanceof ImportBusyError)
          throw new TRPCError({
            code: 'TOO_MANY_REQUESTS',
            message: 'Đang có nhiều bản nhập chờ xử lý; hãy thử lại sau ít phút.',
          });
        if (e instanceof ImportTimeoutError)
          throw new TRPCError({
            code: 'TIMEOUT',
            message: 'Đọc văn bản quá lâu nên đã dừng; hãy nhập từng phần hoặc tệp nhỏ hơn.',
          });
        throw e;
      }
      if (!r.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: r.message.vi });
      return r.report;
    }),
});
