/** Import: a report's text or .docx in, a proposal out, each figure with its source sentence. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ImportBusyError, ImportTimeoutError, runImport } from '../import-pool.ts';
import { authed, router } from '../trpc.ts';

/** A commune's report is tens of thousands of characters; a whole year's pasted backlog stays well under this. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** A .docx of 20 MB (base64 is 4/3 of it) holds far more than a report's text and tables. */
const MAX_DOCX_BASE64 = 28_000_000;

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
        docxBase64: z.string().max(MAX_DOCX_BASE64, 'tệp lớn quá 20 MB.').optional(),
      }),
    )
    .mutation(async ({ input }) => {
      let r;
      try {
        r = await runImport(
          input.docxBase64 !== undefined
            ? { file: Buffer.from(input.docxBase64, 'base64') }
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
      const { text: _text, ...proposal } = r.report;
      return proposal;
    }),
});
