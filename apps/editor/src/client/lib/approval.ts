/** The second approval level as the report screen offers it: the level now due, and who may give or undo it. */
export type ApprovalLevel = 'district' | 'province';

export interface ApprovalState {
  /** The levels the report's province requires, each given or not. */
  readonly levels: readonly { level: ApprovalLevel; done: boolean }[];
  /** The first level not yet given; null once all are. */
  readonly due: ApprovalLevel | null;
  readonly canApprove: boolean;
  readonly canUnapprove: boolean;
}

/** Null when no level is required (the default) or the report is not in review. */
export function approvalState(
  a: {
    approvals: readonly { level: ApprovalLevel }[];
    needed: readonly ApprovalLevel[];
    canApprove: readonly ApprovalLevel[];
    canUnapprove: boolean;
  } | null,
  status: string | undefined,
): ApprovalState | null {
  if (!a || a.needed.length === 0 || status !== 'in_review') return null;
  const given = (l: ApprovalLevel) => a.approvals.some((x) => x.level === l);
  const due = a.needed.find((l) => !given(l)) ?? null;
  return {
    levels: a.needed.map((level) => ({ level, done: given(level) })),
    due,
    canApprove: due !== null && a.canApprove.includes(due),
    canUnapprove: a.canUnapprove && a.approvals.length > 0,
  };
}
