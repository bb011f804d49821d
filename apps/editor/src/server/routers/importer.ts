/**
 * Import: a report's text, .docx or PDF in; a proposal out, each figure
 * with its source sentence, and every number of the text where it stands
 * (for the review, where any of them can be assigned to a field).
 */
import { matchUnits, parsePeriod } from '@congkhai/indicators';
import { proposedPeriodId, proposedReport, type ProposedReport } from '@congkhai/importer';
import { parseReport, serializeReport } from '@congkhai/report';
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { ImportBusyError, ImportTimeoutError, runImport, type ImportJob } from '../import-pool.ts';
import { audit } from '../store/audit.ts';
import { findReport, insertReport } from '../store/reports.ts';
import { listUnits } from '../store/units.ts';
import { adminOnly, authed, router } from '../trpc.ts';

/** A commune's report is tens of thousands of characters; a whole year's pasted backlog stays well under this. */
export const MAX_IMPORT_CHARS = 2_000_000;
/** A .docx or PDF of 20 MB (base64 is 4/3 of it) holds far more than a report's text and tables. */
const MAX_FILE_BASE64 = 28_000_000;

const sourceInput = z.object({
  text: z
    .string()
    .max(
      MAX_IMPORT_CHARS,
      `văn bản dài quá ${MAX_IMPORT_CHARS.toLocaleString('vi-VN')} ký tự; hãy nhập từng báo cáo một.`,
    )
    .optional(),
  fileBase64: z.string().max(MAX_FILE_BASE64, 'tệp lớn quá 20 MB.').optional(),
});

/** The importer's proposal, with its errors told as the API tells them. */
async function proposal(input: z.infer<typeof sourceInput>): Promise<ProposedReport> {
  const job: ImportJob =
    input.fileBase64 !== undefined
      ? { file: Buffer.from(input.fileBase64, 'base64') }
      : { text: input.text ?? '' };
  let r;
  try {
    r = await runImport(job);
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
}

export const importRouter = router({
  /**
   * The backlog (admins): one past report in, a draft out when the text
   * names exactly one unit of the units table and a period, and that unit
   * has no report of that period yet; otherwise what a person must decide.
   * The draft's figures are the importer's proposals, to be checked by the
   * unit's editor before it is submitted (the revision's note says so).
   */
  bulkDraft: adminOnly
    .input(sourceInput.extend({ name: z.string().trim().max(300) }))
    .mutation(async ({ ctx, input }) => {
      const p = await proposal(input);
      const units = matchUnits(p.unit.candidates, await listUnits(ctx.db));
      const base = {
        title: p.title,
        figures: Object.keys(p.metrics).length,
        warnings: p.warnings.map((w) => w.message),
      };
      const unit = units.length === 1 ? units[0] : undefined;
      if (!unit)
        return {
          ...base,
          status: 'decide' as const,
          unit: null,
          period: null,
          reason:
            units.length === 0
              ? {
                  vi: 'Văn bản không nêu đơn vị nào có trong danh sách đơn vị.',
                  en: 'The text names no unit of the units list.',
                }
              : {
                  vi: `Văn bản khớp nhiều đơn vị (${units.map((u) => `${u.name}, ${u.district ?? u.province}`).join('; ')}).`,
                  en: `The text matches several units (${units.map((u) => u.id).join(', ')}).`,
                },
        };
      const period = p.period ? parsePeriod(proposedPeriodId(p.period)) : undefined;
      if (!period?.ok)
        return {
          ...base,
          status: 'decide' as const,
          unit: unit.id,
          period: null,
          reason: {
            vi: 'Văn bản không nêu rõ kỳ báo cáo.',
            en: 'The text does not say which period it reports on.',
          },
        };
      const existing = await findReport(ctx.db, unit.id, period.period.id);
      if (existing !== undefined)
        return {
          ...base,
          status: 'exists' as const,
          unit: unit.id,
          period: period.period.id,
          id: existing,
          reason: {
            vi: 'Đơn vị đã có báo cáo kỳ này; mở nó để gộp.',
            en: 'The unit has a report of this period; open it to merge.',
          },
        };
      const report = proposedReport(p, unit.id, period.period.id);
      const checked = parseReport(serializeReport(report));
      if (!checked.ok)
        return {
          ...base,
          status: 'decide' as const,
          unit: unit.id,
          period: period.period.id,
          reason: {
            vi: checked.errors.map((e) => e.message.vi).join(' '),
            en: checked.errors.map((e) => e.message.en).join(' '),
          },
        };
      const id = await insertReport(
        ctx.db,
        checked.value,
        'draft',
        ctx.user.id,
        `Nhập hàng loạt từ ${input.name || 'tệp'}: số liệu đề xuất, cần người soạn đối chiếu với văn bản`,
      );
      await audit(ctx.db, ctx.user.id, 'report_bulk_import', `${unit.id}/${period.period.id}`, {
        file: input.name,
      });
      return { ...base, status: 'created' as const, unit: unit.id, period: period.period.id, id };
    }),

  propose: authed.input(sourceInput).mutation(({ input }) => proposal(input)),
});
