/**
 * An Atom feed of the newest publications and corrections: a corrected
 * report is an entry of its own, saying what changed and why, so a reader
 * of the feed learns of a correction as of the first publication.
 */
import { metricDefinition, periodLabel, unitTitle } from '@congkhai/indicators';
import type { APIRoute } from 'astro';
import { siteUrl } from '../env.ts';
import { feedFile, homePage, reportPage } from '../lib/addresses.ts';
import { fmtMetric } from '../lib/format.ts';
import { t } from '../lib/i18n.ts';
import { escapeMarkup } from '../lib/markup.ts';
import { siteData, type SiteReport } from '../lib/site-data.ts';

interface Entry {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly day: string;
  readonly summary: string;
}

export const GET: APIRoute = async () => {
  const data = await siteData();
  const base = siteUrl();
  const s = t('vi').corrections;
  const when = (r: SiteReport) =>
    r.published ?? (r.issued && r.issued.length === 10 ? r.issued : r.periodInfo.end);
  const events: Entry[] = data.reports.flatMap((r) => {
    const u = data.units.get(r.unit);
    const url = new URL(reportPage(r.unit, r.period), base).href;
    const name = `${u ? unitTitle(u) : r.unit} — ${periodLabel(r.periodInfo)}`;
    return [
      { id: url, url, title: name, day: when(r), summary: r.title },
      ...(r.corrections ?? []).map((c, i) => ({
        id: `${url}#dinh-chinh-${String(i + 1)}`,
        url: `${url}#dinh-chinh`,
        title: s.feedTitle(name),
        day: c.date,
        summary: [
          `${s.reason}: ${c.reason}`,
          ...c.changes.map(
            (x) =>
              `${metricDefinition(x.metric).label.vi}: ${fmtMetric(x.metric, x.before, 'vi')} → ${fmtMetric(x.metric, x.after, 'vi')}`,
          ),
          ...(c.text ? [s.textChanged] : []),
        ].join('\n'),
      })),
    ];
  });
  const newest = events
    .sort((a, b) => b.day.localeCompare(a.day) || a.id.localeCompare(b.id))
    .slice(0, 50);
  const updated = newest[0] ? `${newest[0].day}T00:00:00Z` : new Date(0).toISOString();
  const entries = newest.map(
    (e) => `  <entry>
    <id>${escapeMarkup(e.id)}</id>
    <title>${escapeMarkup(e.title)}</title>
    <link href="${escapeMarkup(e.url)}"/>
    <updated>${e.day}T00:00:00Z</updated>
    <summary>${escapeMarkup(e.summary)}</summary>
  </entry>`,
  );
  const xml = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="vi">
  <id>${escapeMarkup(new URL(homePage(), base).href)}</id>
  <title>Công khai — báo cáo mới công bố và đính chính</title>
  <link href="${escapeMarkup(new URL(feedFile(), base).href)}" rel="self"/>
  <link href="${escapeMarkup(new URL(homePage(), base).href)}"/>
  <updated>${updated}</updated>
${entries.join('\n')}
</feed>
`;
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
