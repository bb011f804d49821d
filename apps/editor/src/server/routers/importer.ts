/** Import: a report's text or .docx in, a proposal out, each figure with its source sentence. */
import { importFile, importText } from '@congkhai/importer';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { authed, router } from '../trpc.ts';

export const importRouter = router({
  propose: authed
    .input(
      z.object({
        text: z.string().max(12_000_000).optional(),
        docxBase64: z.string().max(30_000_000).optional(),
      }),
    )
    .mutation(async ({ input }) => {
      const r =
        input.docxBase64 !== undefined
          ? await importFile(Buffer.from(input.docxBase64, 'base64'))
          : importText(input.text ?? '');
      if (!r.ok) throw new TRPCError({ code: 'BAD_REQUEST', message: r.message.vi });
      const { text: _text, ...proposal } = r.report;
      return proposal;
    }),
});
