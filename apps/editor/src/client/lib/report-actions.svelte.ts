/**
 * The report's workflow from the report screen: submit, return to the
 * author, approve and unapprove, publish (with the warnings to confirm and a
 * correction's reason), withdraw and reopen for correction; the comment that
 * goes with them, kept on this machine while it is written; and the rebuild
 * to follow after a publish or withdraw. Each click saves the draft first.
 */
import { api, failureOf } from './api.ts';
import { editorTexts } from './i18n/index.ts';
import type { ReportDraft } from './report-draft.svelte.ts';
import { session } from './state.svelte.ts';

/** Where the rebuild to follow starts: builds asked for from this click on (a second's leeway for clocks). */
const aSecondAgo = (): string => new Date(Date.now() - 1000).toISOString();

export type Action =
  'submit' | 'returnToDraft' | 'publish' | 'withdraw' | 'approve' | 'unapprove' | 'correct';

export class ReportActions {
  readonly #draft: ReportDraft;
  /** The comment being written, kept apart: typing one is no change to the report. */
  readonly #commentKey: string;

  comment = $state('');
  /** Said beside the comment field, in the action bar where the click was. */
  commentError = $state('');
  publishWarnings = $state<{ vi: string; en: string }[] | null>(null);
  /** The list of what blocks the submission, opened by a click that it blocked. */
  showBlockers = $state(false);
  /** The rebuild to follow after a publish or withdraw. */
  follow = $state<{ since: string; path: string | null } | null>(null);
  /** Why a published report is corrected: the reviewer writes it at publish, for the public correction log. */
  reason = $state('');
  reasonError = $state('');

  constructor(draft: ReportDraft) {
    this.#draft = draft;
    this.#commentKey = `ck-comment-${String(draft.id)}`;
    this.comment = localStorage.getItem(this.#commentKey) ?? '';
  }

  get #t() {
    return editorTexts(session.locale).reportEditor;
  }

  commentInput = () => {
    this.commentError = '';
    localStorage.setItem(this.#commentKey, this.comment);
  };

  reasonInput = () => {
    this.reasonError = '';
  };

  async act(kind: Action, confirmWarnings = false) {
    const draft = this.#draft;
    const t = this.#t;
    const { id, comment } = { id: draft.id, comment: this.comment };
    draft.problem = '';
    draft.message = '';
    this.commentError = '';
    this.reasonError = '';
    if (
      (kind === 'withdraw' || kind === 'returnToDraft' || kind === 'unapprove') &&
      !comment.trim()
    ) {
      // The server refuses it too; saying so here keeps the official on the field to fill.
      this.commentError =
        kind === 'withdraw'
          ? t.writeReasonForWithdrawing
          : kind === 'unapprove'
            ? t.writeReasonForUnapproving
            : t.writeCommentSoAuthor;
      document.getElementById('comment')?.focus();
      return;
    }
    if (kind === 'submit' && draft.blockers.length > 0) {
      this.showBlockers = true;
      // Said where the click was; the comment typed stays where it is.
      draft.problem = t.notSubmittedThingsFix(String(draft.blockers.length));
      if (draft.dirty) await draft.save();
      return;
    }
    try {
      if (draft.dirty) await draft.save();
      if (kind === 'submit') {
        await api.reports.submit.mutate({ id, comment });
        draft.message = t.submittedForReview;
      }
      if (kind === 'returnToDraft') {
        await api.reports.returnToDraft.mutate({ id, comment });
        draft.message = t.returnedAuthor;
      }
      if (kind === 'withdraw') {
        const since = aSecondAgo();
        await api.reports.withdraw.mutate({ id, comment });
        this.follow = { since, path: null };
        draft.message = t.withdrawn;
      }
      const approval = draft.approval;
      if (kind === 'approve' && approval?.due) {
        const level = approval.due;
        await api.approvals.approve.mutate({ id, level });
        draft.message =
          level === 'district' ? t.approvedAtDistrictLevel : t.approvedAtProvinceLevel;
      }
      if (kind === 'unapprove') {
        await api.approvals.unapprove.mutate({ id, comment });
        draft.message = t.unapprovedAndSentBack;
      }
      if (kind === 'correct') {
        await api.reports.reopenForCorrection.mutate({ id, comment });
        draft.message = t.reopenedForCorrectionPublic;
      }
      if (kind === 'publish') {
        const since = aSecondAgo();
        const reason = this.reason.trim();
        const r = await api.reports.publish.mutate({
          id,
          confirmWarnings,
          ...(reason ? { reason } : {}),
        });
        this.follow = { since, path: r.url };
        draft.message = t.published;
        this.publishWarnings = null;
        this.reason = '';
      }
      this.comment = '';
      localStorage.removeItem(this.#commentKey);
      const said = draft.message;
      await draft.load();
      draft.message = said;
    } catch (e) {
      const f = failureOf(e);
      const payload = f.payload as
        { warnings?: { vi: string; en: string }[]; reasonRequired?: boolean } | undefined;
      if (f.code === 'PRECONDITION_FAILED' && kind === 'publish')
        this.publishWarnings = payload?.warnings ?? null;
      if (payload?.reasonRequired) {
        // The figures or text changed since the published version: the public page will say why. Said once, at the field.
        this.reasonError = t.correctionReasonNeeded;
        document.getElementById('correction-reason')?.focus();
      } else draft.problem = f.message;
    }
  }
}
