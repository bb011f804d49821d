/**
 * The report being worked on, as the report screen holds it: the fields as
 * typed, what is read from them (figures, checks, score, what blocks a
 * submission), the copy kept on this machine, saving with its version and
 * conflict, and the revision history. The screen (views/ReportEditor.svelte)
 * lays it out; the workflow's buttons are in report-actions.svelte.ts.
 */
import {
  compositeScore,
  computeIndicators,
  formatDayMonthYear,
  formatNumber,
  largeChanges,
  parseDayMonthYear,
  parsePeriod,
  periodLabel,
  runChecks,
  withoutImpossible,
  type MetricId,
} from '@congkhai/indicators';
import type { Report } from '@congkhai/report';
import { api, failureOf } from './api.ts';
import { approvalState } from './approval.ts';
import { blockersOf, parseFigures, type ReportFields } from './draft.ts';
import { editorTexts } from './i18n/index.ts';
import { session } from './state.svelte.ts';

type Loaded = Awaited<ReturnType<typeof api.reports.get.query>>;
type History = Awaited<ReturnType<typeof api.reports.history.query>>;
type Approvals = Awaited<ReturnType<typeof api.approvals.of.query>>;
type PublicPage = Awaited<ReturnType<typeof api.reports.publicPage.query>>;
type Stored = Report & { notes?: Partial<Record<MetricId, string>> };
export type Conflict = { version: number; content: Stored; updatedBy: string | null };

/** What is kept on this machine while offline or logged out, offered back at the next load. */
interface Backup {
  form: ReportFields;
  figures: Record<string, string>;
  targets: Record<string, string>;
  explanations: Record<string, string>;
  notes?: Record<string, string>;
}

const fmt = (v: number | undefined) =>
  v === undefined ? '' : formatNumber(v, 'vi', { maxDecimals: 3 });
const asText = (m: Partial<Record<string, number>>) =>
  Object.fromEntries(Object.entries(m).map(([k, v]) => [k, fmt(v)]));

export class ReportDraft {
  readonly id: number;
  readonly #backupKey: string;
  #timer: ReturnType<typeof setTimeout> | undefined;

  loaded = $state<Loaded | null>(null);
  loadError = $state('');
  version = $state(0);
  // The form keeps what was typed, as typed: nothing is lost to a parse error.
  form = $state<ReportFields>({ title: '', number: '', issued: '', signer: '', body: '' });
  figures = $state<Record<string, string>>({});
  targets = $state<Record<string, string>>({});
  explanations = $state<Record<string, string>>({});
  notes = $state<Record<string, string>>({});
  dirty = $state(false);
  saving = $state(false);
  /** The messages of what was just done, said in the action bar. */
  message = $state('');
  problem = $state('');
  conflict = $state<Conflict | null>(null);
  history = $state<History | null>(null);
  /** The levels its province requires and those given (second approval level; none required by default). */
  approvals = $state<Approvals | null>(null);
  /** Whether the report has a public page now: a draft or a report in review that has one is a correction. */
  publicPage = $state<PublicPage | null>(null);

  constructor(id: number) {
    this.id = id;
    this.#backupKey = `ck-draft-${String(id)}`;
  }

  get #t() {
    return editorTexts(session.locale).reportEditor;
  }

  readonly metrics = $derived(parseFigures(this.figures, session.locale));
  readonly targetValues = $derived(parseFigures(this.targets, session.locale));
  readonly issued = $derived(
    this.form.issued.trim() === ''
      ? ({ ok: true, iso: '' } as const)
      : parseDayMonthYear(this.form.issued),
  );
  readonly issuedError = $derived(this.issued.ok ? '' : this.issued.message[session.locale]);
  readonly indicators = $derived(computeIndicators(this.metrics.values));
  readonly warnings = $derived(
    runChecks({
      metrics: this.metrics.values,
      statedShares: this.loaded?.content.statedShares ?? {},
    }),
  );
  readonly impossible = $derived(this.warnings.filter((w) => w.level === 'impossible'));
  // No score from impossible figures: the groups they fall in are left out, and said so.
  readonly score = $derived(compositeScore(withoutImpossible(this.metrics.values, this.warnings)));
  readonly previous = $derived(this.loaded?.previous?.metrics ?? {});
  readonly previousPeriod = $derived.by(() => {
    const p = this.loaded?.previous ? parsePeriod(this.loaded.previous.period) : undefined;
    return p?.ok ? periodLabel(p.period, session.locale) : null;
  });
  readonly moved = $derived(
    this.loaded?.previous ? largeChanges(this.metrics.values, this.previous) : [],
  );
  readonly hasErrors = $derived(
    Object.keys(this.metrics.errors).length + Object.keys(this.targetValues.errors).length > 0 ||
      this.issuedError !== '',
  );
  readonly editable = $derived(this.loaded?.canEdit === true);
  readonly periodText = $derived.by(() => {
    const p = this.loaded ? parsePeriod(this.loaded.period) : undefined;
    return p?.ok ? periodLabel(p.period, session.locale) : (this.loaded?.period ?? '');
  });
  readonly unusual = $derived(
    (Object.entries(this.metrics.values) as [MetricId, number][])
      .filter(([k, v]) => {
        const r = this.loaded?.ranges[k];
        return r !== undefined && (v < r.low || v > r.high);
      })
      .map(([k]) => k),
  );
  readonly approval = $derived(approvalState(this.approvals, this.loaded?.status));
  /** The unit's editor or reviewer may reopen a published report to correct it. */
  readonly mayCorrect = $derived(
    this.loaded?.status === 'published' &&
      (this.loaded.canReview ||
        (session.me?.role === 'editor' && session.me.units.includes(this.loaded.unit))),
  );
  readonly correcting = $derived(
    this.publicPage?.live === true &&
      (this.loaded?.status === 'draft' || this.loaded?.status === 'in_review'),
  );
  readonly blockers = $derived(
    blockersOf(
      {
        figureErrors: this.metrics.errors,
        targetErrors: this.targetValues.errors,
        issuedError: this.issuedError,
        impossible: this.impossible,
        unusual: this.unusual,
        moved: this.moved,
        notes: this.notes,
        explanations: this.explanations,
      },
      session.locale,
    ),
  );

  #fill(c: Stored) {
    this.form = {
      title: c.title,
      number: c.number ?? '',
      issued: c.issued ? formatDayMonthYear(c.issued) : '',
      signer: c.signer ?? '',
      body: c.body,
    };
    this.figures = asText(c.metrics);
    this.targets = asText(c.targets);
    this.explanations = { ...c.explanations };
    this.notes = { ...(c.notes ?? {}) };
  }

  async load() {
    const { id } = this;
    try {
      // Both only add to the screen: the report is worked on without them.
      const extras = Promise.all([
        api.approvals.of.query({ id }).catch(() => null),
        api.reports.publicPage.query({ id }).catch(() => null),
      ]);
      this.loaded = await api.reports.get.query({ id });
      this.version = this.loaded.version;
      this.#fill(this.loaded.content);
      // A copy kept on this machine while offline or logged out is offered back.
      const backup = localStorage.getItem(this.#backupKey);
      if (backup && this.loaded.canEdit) {
        const b = JSON.parse(backup) as Backup;
        this.form = b.form;
        this.figures = b.figures;
        this.targets = b.targets;
        this.explanations = b.explanations;
        this.notes = b.notes ?? {};
        this.dirty = true;
        this.message = this.#t.unsavedChangesOnThis;
      }
      [this.approvals, this.publicPage] = await extras;
    } catch (e) {
      this.loadError = failureOf(e).message;
    }
  }

  /** The report as it is saved. */
  content() {
    const { form, issued } = this;
    return {
      title: form.title,
      number: form.number,
      issued: issued.ok ? issued.iso : form.issued,
      signer: form.signer,
      metrics: this.metrics.values,
      targets: this.targetValues.values,
      statedShares: this.loaded?.content.statedShares ?? {},
      explanations: this.explanations,
      notes: this.notes,
      body: form.body,
    };
  }

  /** A field changed: kept on this machine at once, saved two seconds after the last change. */
  changed = () => {
    this.dirty = true;
    const { form, figures, targets, explanations, notes } = this;
    localStorage.setItem(
      this.#backupKey,
      JSON.stringify({ form, figures, targets, explanations, notes } satisfies Backup),
    );
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.save(), 2000);
  };

  /** One save per click: a pending autosave is cancelled, and nothing is sent when nothing changed. */
  async save(baseVersion = this.version, force = false) {
    clearTimeout(this.#timer);
    if (!this.editable || this.saving) return;
    if (!this.dirty && !force) {
      this.message = this.#t.nothingNewSaveVersion(String(this.version));
      return;
    }
    if (this.hasErrors) {
      this.problem = this.#t.someFieldsAreNot;
      return;
    }
    this.saving = true;
    this.problem = '';
    try {
      const r = await api.reports.save.mutate({
        id: this.id,
        baseVersion,
        content: this.content(),
      });
      this.version = r.version;
      this.dirty = false;
      this.conflict = null;
      localStorage.removeItem(this.#backupKey);
      this.message = this.#t.savedVersion(String(r.version));
    } catch (e) {
      const f = failureOf(e);
      if (f.code === 'CONFLICT') this.conflict = f.payload as Conflict;
      this.problem = f.message;
    } finally {
      this.saving = false;
    }
  }

  async showHistory() {
    this.history = await api.reports.history.query({ id: this.id });
  }

  async restore(v: number) {
    try {
      this.version = await api.reports.restore.mutate({
        id: this.id,
        version: v,
        baseVersion: this.version,
      });
      localStorage.removeItem(this.#backupKey);
      await this.load();
      await this.showHistory();
    } catch (e) {
      this.problem = failureOf(e).message;
    }
  }

  /** Takes the version someone else saved into the form. */
  useTheirs() {
    if (!this.conflict) return;
    this.#fill(this.conflict.content);
    this.version = this.conflict.version;
    this.conflict = null;
    localStorage.removeItem(this.#backupKey);
    this.dirty = false;
  }

  /** Saving what was typed wins over the version someone else saved. */
  keepMine() {
    if (this.conflict) return this.save(this.conflict.version, true);
  }

  /** The screen is left: no autosave after it. */
  dispose() {
    clearTimeout(this.#timer);
  }
}
