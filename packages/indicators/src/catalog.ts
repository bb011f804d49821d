/**
 * The metric catalog (core v1): what a report can state, as data. The editor
 * form, the checks, the site's tables and the CSV columns are generated from
 * this list, so adding a metric is adding one entry here.
 */

export type Locale = 'vi' | 'en';
export type Text = Readonly<Record<Locale, string>>;

export type MetricKind = 'count' | 'percent';
/** Which way is better, for rankings and the colour of a change. */
export type Direction = 'higher' | 'lower' | 'neutral';

export const METRIC_GROUPS = [
  { id: 'dossiers', label: { vi: 'Hồ sơ thủ tục hành chính', en: 'Administrative dossiers' } },
  { id: 'services', label: { vi: 'Dịch vụ công trực tuyến', en: 'Online public services' } },
  { id: 'rates', label: { vi: 'Số hóa', en: 'Digitization' } },
  { id: 'payments', label: { vi: 'Thanh toán trực tuyến', en: 'Online payment' } },
  { id: 'satisfaction', label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' } },
  { id: 'procedures', label: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' } },
  { id: 'waste', label: { vi: 'Phân loại rác tại nguồn', en: 'Waste sorting at source' } },
] as const satisfies readonly { id: string; label: Text }[];

export type MetricGroupId = (typeof METRIC_GROUPS)[number]['id'];

/** A catalog entry as it is written: ids are plain text until the catalog below fixes them. */
interface MetricEntry {
  readonly id: string;
  readonly group: MetricGroupId;
  readonly kind: MetricKind;
  readonly label: Text;
  readonly description: Text;
  readonly better: Direction;
  /**
   * The whole this metric is a part of, when there is one: the part can never
   * exceed it, and a share stated in a report ("chiếm 99,1%") is a share of it.
   */
  readonly partOf?: string;
}

export const METRICS = [
  {
    id: 'dossiers.received',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Hồ sơ tiếp nhận trong kỳ', en: 'Dossiers received' },
    description: {
      vi: 'Số hồ sơ thủ tục hành chính mới tiếp nhận trong kỳ báo cáo (trực tuyến và trực tiếp).',
      en: 'Administrative-procedure dossiers newly received in the period (online and in person).',
    },
    better: 'neutral',
  },
  {
    id: 'dossiers.received_online',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Tiếp nhận trực tuyến', en: 'Received online' },
    description: {
      vi: 'Hồ sơ tiếp nhận qua Cổng dịch vụ công.',
      en: 'Dossiers received through the public service portal.',
    },
    better: 'higher',
    partOf: 'dossiers.received',
  },
  {
    id: 'dossiers.received_direct',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Tiếp nhận trực tiếp', en: 'Received in person' },
    description: {
      vi: 'Hồ sơ nộp trực tiếp tại Bộ phận Một cửa hoặc qua dịch vụ bưu chính.',
      en: 'Dossiers handed in at the one-stop desk or sent by post.',
    },
    better: 'neutral',
    partOf: 'dossiers.received',
  },
  {
    id: 'dossiers.carried_over',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Kỳ trước chuyển sang', en: 'Carried over' },
    description: {
      vi: 'Hồ sơ chưa giải quyết xong từ kỳ trước chuyển sang.',
      en: 'Dossiers still open from the previous period.',
    },
    better: 'neutral',
  },
  {
    id: 'dossiers.resolved',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Đã giải quyết', en: 'Resolved' },
    description: {
      vi: 'Hồ sơ đã giải quyết xong trong kỳ.',
      en: 'Dossiers resolved in the period.',
    },
    better: 'neutral',
  },
  {
    id: 'dossiers.resolved_early',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Giải quyết trước hạn', en: 'Resolved early' },
    description: {
      vi: 'Hồ sơ giải quyết xong trước thời hạn quy định.',
      en: 'Dossiers resolved before the deadline.',
    },
    better: 'higher',
    partOf: 'dossiers.resolved',
  },
  {
    id: 'dossiers.resolved_on_time',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Giải quyết đúng hạn', en: 'Resolved on time' },
    description: {
      vi: 'Hồ sơ giải quyết xong đúng thời hạn quy định.',
      en: 'Dossiers resolved on the deadline.',
    },
    better: 'neutral',
    partOf: 'dossiers.resolved',
  },
  {
    id: 'dossiers.resolved_in_time',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Giải quyết trước và đúng hạn', en: 'Resolved early or on time' },
    description: {
      vi: 'Hồ sơ giải quyết trước hạn và đúng hạn, khi báo cáo nêu gộp hai số này.',
      en: 'Dossiers resolved early or on time, when the report states them together.',
    },
    better: 'higher',
    partOf: 'dossiers.resolved',
  },
  {
    id: 'dossiers.resolved_late',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Giải quyết quá hạn', en: 'Resolved late' },
    description: {
      vi: 'Hồ sơ giải quyết xong sau thời hạn quy định.',
      en: 'Dossiers resolved after the deadline.',
    },
    better: 'lower',
    partOf: 'dossiers.resolved',
  },
  {
    id: 'dossiers.pending',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Đang giải quyết', en: 'Pending' },
    description: {
      vi: 'Hồ sơ đang giải quyết tại thời điểm cuối kỳ.',
      en: 'Dossiers still being processed at the end of the period.',
    },
    better: 'neutral',
  },
  {
    id: 'dossiers.returned',
    group: 'dossiers',
    kind: 'count',
    label: { vi: 'Trả lại, tạm dừng', en: 'Returned or suspended' },
    description: {
      vi: 'Hồ sơ trả lại công dân hoặc tạm dừng giải quyết.',
      en: 'Dossiers returned to the applicant or suspended.',
    },
    better: 'neutral',
  },
  {
    id: 'services.online_level34',
    group: 'services',
    kind: 'count',
    label: {
      vi: 'Hồ sơ dịch vụ công trực tuyến mức độ 3, 4',
      en: 'Level 3/4 online-service dossiers',
    },
    description: {
      vi: 'Hồ sơ dịch vụ công trực tuyến mức độ 3, 4 (toàn trình, một phần).',
      en: 'Dossiers filed through level 3 or 4 online services (end-to-end or partial).',
    },
    better: 'higher',
    partOf: 'dossiers.received',
  },
  {
    id: 'rates.digitization',
    group: 'rates',
    kind: 'percent',
    label: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Dossiers digitized' },
    description: {
      vi: 'Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa.',
      en: 'Share of dossiers and their results that were digitized.',
    },
    better: 'higher',
  },
  {
    id: 'payments.online_rate',
    group: 'payments',
    kind: 'percent',
    label: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Paid online' },
    description: {
      vi: 'Tỷ lệ giao dịch nộp phí, lệ phí thực hiện trực tuyến.',
      en: 'Share of fee payments made online.',
    },
    better: 'higher',
  },
  {
    id: 'satisfaction.rate',
    group: 'satisfaction',
    kind: 'percent',
    label: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
    description: {
      vi: 'Tỷ lệ người dân, tổ chức hài lòng với việc giải quyết thủ tục hành chính.',
      en: 'Share of citizens and organizations satisfied with how their procedure was handled.',
    },
    better: 'higher',
  },
  {
    id: 'procedures.total',
    group: 'procedures',
    kind: 'count',
    label: { vi: 'Số thủ tục hành chính thuộc thẩm quyền', en: 'Procedures under the commune' },
    description: {
      vi: 'Số thủ tục hành chính thuộc thẩm quyền giải quyết của cấp xã.',
      en: 'Administrative procedures the commune is competent to resolve.',
    },
    better: 'neutral',
  },
  {
    id: 'procedures.fields',
    group: 'procedures',
    kind: 'count',
    label: { vi: 'Số lĩnh vực', en: 'Fields' },
    description: {
      vi: 'Số lĩnh vực của các thủ tục hành chính thuộc thẩm quyền.',
      en: 'Fields those procedures belong to.',
    },
    better: 'neutral',
  },
  {
    id: 'waste.households_sorting',
    group: 'waste',
    kind: 'count',
    label: { vi: 'Hộ phân loại rác tại nguồn', en: 'Households sorting waste' },
    description: {
      vi: 'Số hộ gia đình thực hiện phân loại rác thải tại nguồn.',
      en: 'Households that sort their waste at source.',
    },
    better: 'higher',
    partOf: 'waste.households_total',
  },
  {
    id: 'waste.households_total',
    group: 'waste',
    kind: 'count',
    label: { vi: 'Tổng số hộ', en: 'Households' },
    description: {
      vi: 'Tổng số hộ gia đình trên địa bàn.',
      en: 'All households in the unit.',
    },
    better: 'neutral',
  },
] as const satisfies readonly MetricEntry[];

export type MetricId = (typeof METRICS)[number]['id'];

/** A metric of the catalog: its id and the whole it is part of are the catalog's ids, not any text. */
export interface MetricDefinition extends Omit<MetricEntry, 'id' | 'partOf'> {
  readonly id: MetricId;
  readonly partOf?: MetricId;
}

// Typing the catalog as definitions checks each partOf: a whole misspelt is a type error here.
const DEFINITIONS: readonly MetricDefinition[] = METRICS;

/** What a report states. A metric the report does not state is absent, never 0. */
export type Metrics = Partial<Record<MetricId, number>>;

export const METRIC_IDS: readonly MetricId[] = METRICS.map((m) => m.id);

const byId = new Map<string, MetricDefinition>(DEFINITIONS.map((m) => [m.id, m]));

export function isMetricId(id: string): id is MetricId {
  return byId.has(id);
}

/** The metrics a set of figures states, in its own order (Object.keys would type them as any text). */
export function statedIds(figures: Partial<Record<MetricId, unknown>>): MetricId[] {
  return Object.keys(figures).filter(isMetricId);
}

/** A set of figures as [metric, value] pairs, in its own order: Object.entries would type the metric as any text. */
export function statedEntries<T>(figures: Partial<Record<MetricId, T>>): [MetricId, T][] {
  return statedIds(figures).flatMap((id): [MetricId, T][] => {
    const value = figures[id];
    return value === undefined ? [] : [[id, value]];
  });
}

export function metricDefinition(id: MetricId): MetricDefinition {
  const def = byId.get(id);
  if (!def) throw new Error(`unknown metric ${id}`);
  return def;
}

export function metricsInGroup(group: MetricGroupId): readonly MetricDefinition[] {
  return DEFINITIONS.filter((m) => m.group === group);
}
