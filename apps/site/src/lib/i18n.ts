/** Vietnamese first, English second: every string the pages show, and paths per language. */
import type { Locale } from '@congkhai/indicators';

/** `[...lang]` route param: undefined for Vietnamese (the root), "en" for English. */
export function localeOf(lang: string | undefined): Locale {
  return lang === 'en' ? 'en' : 'vi';
}

/** The `[...lang]` values of every page: Vietnamese at the root, English under /en/. */
export const LANGS = [undefined, 'en'] as const;

/** A site path (addresses.ts) in a language: href('en', '/a/b/') -> '/en/a/b/'. */
export function href(locale: Locale, path: string): string {
  return locale === 'en' ? `/en${path}` : path;
}

const englishPlural = new Intl.PluralRules('en');
/** An English noun for a count written as the pages write it ("1", "1,164"). */
const plural = (n: string, one: string, other: string) =>
  englishPlural.select(Number(n.replace(/[^\d.]/g, ''))) === 'one' ? one : other;

const vi = {
  siteName: 'Công khai',
  tagline: 'Kết quả cải cách hành chính của các xã, phường, thị trấn',
  skip: 'Bỏ qua, tới nội dung chính',
  nav: {
    home: 'Trang chủ',
    directory: 'Đơn vị',
    compare: 'So sánh',
    indicators: 'Chỉ số',
    data: 'Dữ liệu mở',
    method: 'Phương pháp',
    search: 'Tìm kiếm',
  },
  otherLanguage: 'English',
  otherLanguageCode: 'en',
  footer:
    'Số liệu do Ủy ban nhân dân các xã, phường, thị trấn tự báo cáo. Chỉ số tính theo phương pháp công khai.',
  unitsCount: (n: string) => `${n} đơn vị`,
  reportsCount: (n: string) => `${n} báo cáo`,
  latestPeriod: 'Kỳ gần nhất',
  headline: 'Toàn bộ các đơn vị có báo cáo',
  headlineNote: (units: string, total: string) =>
    `Cộng các số đếm của ${units}/${total} đơn vị có số liệu rồi mới chia, không lấy trung bình các tỷ lệ.`,
  weightedNote: (units: string, total: string) =>
    `Tỷ lệ do ${units}/${total} đơn vị báo cáo, bình quân gia quyền theo số hồ sơ tiếp nhận.`,
  movers: 'Thay đổi nhiều nhất so với kỳ trước',
  best: 'Tăng nhiều nhất',
  worst: 'Giảm nhiều nhất',
  newest: 'Báo cáo mới nhất',
  searchLabel: 'Tìm xã, phường, thị trấn',
  searchButton: 'Tìm',
  unit: 'Đơn vị',
  district: 'Huyện',
  province: 'Tỉnh',
  period: 'Kỳ',
  value: 'Giá trị',
  change: 'Thay đổi',
  rank: 'Hạng',
  tied: 'đồng hạng',
  notComputable: 'không tính được',
  notStated: 'không nêu',
  overTime: 'Chỉ số qua các kỳ',
  chartSummary: (
    name: string,
    ind: string,
    first: string,
    last: string,
    from: string,
    to: string,
  ) => `${ind} của ${name}: từ ${first} (${from}) đến ${last} (${to}).`,
  figures: 'Số liệu báo cáo',
  indicators: 'Chỉ số',
  formula: 'Công thức',
  targets: 'Chỉ tiêu được giao',
  target: 'Chỉ tiêu',
  actual: 'Thực hiện',
  met: 'Đạt',
  missed: 'Chưa đạt',
  noFigure: 'Báo cáo không nêu số liệu',
  warnings: 'Số liệu chưa khớp',
  noWarnings: 'Các số liệu trong báo cáo khớp với nhau.',
  warningsNote:
    'Cảnh báo được tính tự động từ chính các số liệu trong báo cáo; báo cáo vẫn được công bố nguyên văn.',
  reports: 'Các báo cáo',
  neighbours: 'Các đơn vị cùng địa bàn',
  compareWith: 'So sánh với các đơn vị này',
  lineage: 'Sắp xếp đơn vị hành chính',
  formedFrom: 'Được thành lập ngày 01/07/2025 từ',
  whole: 'toàn bộ',
  part: 'một phần',
  mergedInto: 'Từ 01/07/2025 đã sáp nhập vào',
  combinedNote: 'Các kỳ trước khi sắp xếp: cộng số liệu của các đơn vị cũ, tính lại tỷ lệ.',
  beforeMerger: 'trước sắp xếp',
  score: 'Điểm tổng hợp (mô phỏng Quyết định 766/QĐ-TTg)',
  scoreCoverage: (n: number) =>
    `tính trên ${String(n)}/6 nhóm tiêu chí báo cáo có số liệu; không phải điểm chính thức`,
  narrative: 'Nội dung báo cáo',
  download: 'Tải tệp báo cáo gốc (Markdown)',
  number: 'Số hiệu',
  issued: 'Ngày ban hành',
  signer: 'Người ký',
  explanation: 'Giải trình',
  noReports: 'Đơn vị chưa có báo cáo nào được công bố.',
  onePeriod: 'Đơn vị mới có một kỳ báo cáo, chưa có xu hướng.',
  ranking: 'Xếp hạng',
  rankingPages: {
    nav: 'Các trang của bảng xếp hạng',
    page: (n: string) => `Trang ${n}`,
    range: (from: string, to: string, of: string) =>
      `Hạng ${from}–${to} trong ${of} đơn vị được xếp hạng.`,
    first: 'Trang đầu: tổng hợp, bản đồ và phân bố',
  },
  distribution: 'Phân bố',
  byDistrict: 'Theo huyện',
  byProvince: 'Theo tỉnh',
  choosePeriod: 'Chọn kỳ',
  sinceLast: 'so với kỳ trước',
  notRanked: 'Không xếp hạng (không đủ số liệu)',
  impossible: {
    note: 'Báo cáo có số liệu không thể đúng như đã ghi (một phần lớn hơn tổng của nó, hoặc một tỷ lệ trên 100 %). Số liệu vẫn được công bố đúng như báo cáo, nhưng kỳ này đơn vị không được tính điểm tổng hợp và không được xếp hạng.',
    score: 'không tính: báo cáo có số liệu không thể đúng',
    notRanked: 'Không xếp hạng vì báo cáo có số liệu không thể đúng',
  },
  nowhereComputable: 'Chưa đơn vị nào có đủ số liệu để tính chỉ số này trong kỳ.',
  units: 'đơn vị',
  compareTitle: 'So sánh các đơn vị',
  compareIntro:
    'Chọn đơn vị và chỉ số để so sánh qua các kỳ. Đường dẫn của trang lưu lựa chọn, có thể gửi cho người khác.',
  compareNoJs:
    'Trang này cần JavaScript để chọn đơn vị. Bảng dưới đây so sánh các đơn vị mặc định.',
  methodTitle: 'Phương pháp',
  dataTitle: 'Dữ liệu mở',
  searchTitle: 'Tìm kiếm',
  searchNoJs: 'Ô tìm kiếm cần JavaScript. Danh bạ liệt kê mọi đơn vị theo tỉnh và huyện:',
  noMatch: 'Không tìm thấy kết quả nào.',
  directoryTitle: 'Danh bạ đơn vị',
  directoryUnits: 'Đơn vị',
  noReport: 'không có báo cáo',
  breadcrumb: 'Đường dẫn',
  directoryIntro:
    'Mọi xã, phường, thị trấn theo tỉnh: trang của mỗi tỉnh liệt kê các đơn vị từ 01/07/2025 và các huyện trước đó, mỗi huyện một trang, với số liệu kỳ gần nhất.',
  directoryProvinces: 'Các tỉnh',
  directoryProvincesNote:
    'Tỷ lệ đúng hạn tính trên các báo cáo của kỳ gần nhất của tỉnh, cộng các số đếm rồi mới chia.',
  districtsColumn: 'Số huyện trước 01/07/2025',
  afterMerger: 'Đơn vị từ 01/07/2025',
  area: {
    provinceTitle: (p: string) => `Tỉnh ${p}`,
    districtTitle: (d: string, p: string) => `Huyện ${d}, tỉnh ${p}`,
    districtBefore: 'trước 01/07/2025',
    provinceIntro:
      'Các đơn vị của tỉnh với số liệu kỳ gần nhất, bản đồ nơi có ranh giới, và tiến độ báo cáo từng kỳ.',
    districtIntro:
      'Các đơn vị của huyện (trước khi bỏ cấp huyện ngày 01/07/2025) với số liệu kỳ gần nhất, bản đồ nơi có ranh giới, và tiến độ báo cáo từng kỳ.',
    units: 'Các đơn vị',
    districts: 'Các huyện trước 01/07/2025',
    districtsNote:
      'Mỗi huyện có trang riêng liệt kê các đơn vị của huyện. Tỷ lệ tính trên các báo cáo của kỳ gần nhất của huyện, cộng các số đếm rồi mới chia.',
    unitsColumn: 'Số đơn vị',
    reporting: 'Tiến độ báo cáo theo kỳ',
    reportingNote:
      'Mỗi kỳ: số đơn vị của địa bàn phải báo cáo, đã công bố đúng hạn, muộn hay chưa báo cáo.',
    mapTitle: (ind: string, area: string, period: string) => `${ind}, ${area}, ${period}`,
    directoryLink: 'Xem trong danh bạ',
  },
  onTimeShort: 'Đúng hạn',
  onlineShort: 'Trực tuyến',
  reportsColumn: 'Số báo cáo',
  notFound: 'Không tìm thấy trang',
  notFoundText: 'Trang bạn tìm không có hoặc đã được chuyển đi.',
  backHome: 'Về trang chủ',
  percentPoints: 'điểm %',
  reporting: {
    nav: 'Tiến độ báo cáo',
    title: 'Ai đã báo cáo',
    intro:
      'Với mỗi kỳ: mọi đơn vị phải báo cáo, đã công bố đúng hạn, công bố muộn hay chưa báo cáo, theo tỉnh và huyện. Đúng hạn là công bố lần đầu không muộn hơn hạn nộp.',
    periodTitle: (p: string) => `Ai đã báo cáo ${p}`,
    due: 'Hạn nộp',
    noDue: 'chưa đặt hạn nộp',
    provinceDue: 'Một số tỉnh đặt hạn nộp riêng; mỗi đơn vị được tính theo hạn của tỉnh mình.',
    expected: 'Phải báo cáo',
    onTime: 'Đúng hạn',
    late: 'Muộn',
    undated: 'Đã công bố, không rõ ngày',
    missing: 'Chưa báo cáo',
    onTimeShare: 'Tỷ lệ đúng hạn',
    reportedShare: 'Tỷ lệ đã báo cáo',
    status: 'Tình trạng',
    published: 'Ngày công bố',
    daysLate: (n: string) => `muộn ${n} ngày`,
    byProvince: 'Theo tỉnh',
    byDistrict: 'Theo huyện',
    units: 'Từng đơn vị',
    unitsOf: (p: string) => `Từng đơn vị của tỉnh ${p}`,
    provinceTitle: (period: string, p: string) => `Ai đã báo cáo ${period}: tỉnh ${p}`,
    byProvinceNote: 'Mỗi tỉnh có trang riêng liệt kê từng đơn vị của tỉnh, theo huyện.',
    noneDue: 'Không đơn vị nào của tỉnh phải báo cáo kỳ này.',
    periods: 'Các kỳ',
    summary: (onTime: string, expected: string, share: string) =>
      `${onTime}/${expected} đơn vị công bố đúng hạn (${share}).`,
    csv: 'Tải bảng tiến độ báo cáo (CSV)',
  },
  corrections: {
    title: 'Lịch sử đính chính',
    note: (n: string, date: string) =>
      `Báo cáo này đã được đính chính ${n} lần, lần gần nhất ngày ${date}.`,
    date: 'Ngày đính chính',
    reason: 'Lý do',
    changes: 'Số liệu thay đổi',
    before: 'Trước',
    after: 'Sau',
    textChanged: 'Nội dung khác của báo cáo (tiêu đề, lời văn…) cũng được sửa.',
    noFigureChanged: 'Không thay đổi số liệu.',
    version: (n: string) => `Tải bản ${n}`,
    versionOf: (n: string, date: string) => `bản ${n}, công bố đến ${date}`,
    firstPublished: 'Công bố lần đầu',
    feedTitle: (title: string) => `Đính chính: ${title}`,
  },
  peers: {
    title: 'So với các đơn vị cùng địa bàn',
    intro: (period: string) =>
      `Kỳ ${period}: hạng của đơn vị trong huyện và trong tỉnh, và trung vị của các đơn vị có số liệu.`,
    within: 'Trong',
    rankOf: (rank: string, of: string) => `${rank}/${of}`,
    betterThan: (share: string) => `hơn ${share} đơn vị`,
    median: 'Trung vị',
    alone: 'chỉ một đơn vị có số liệu',
    gapTitle: 'Điểm tổng hợp còn có thể đạt thêm',
    gapIntro: 'Điểm mỗi nhóm tiêu chí còn thiếu so với điểm tối đa, theo số liệu của báo cáo.',
    group: 'Nhóm tiêu chí',
    points: 'Điểm tối đa',
    toGain: 'Còn thiếu',
    notMeasured: 'không có số liệu',
    method: 'Cách tính điểm',
  },
  brief: {
    title: 'Bản tóm tắt một trang',
    link: 'Bản in một trang (A4)',
    printHint: 'Trang này in vừa một tờ A4 (Ctrl+P).',
    source: 'Nguồn: Công khai, số liệu do đơn vị tự báo cáo. Toàn bộ số liệu và báo cáo gốc:',
  },
  map: {
    title: 'Bản đồ',
    demo: 'Ranh giới minh họa, không phải ranh giới thật.',
    noData: 'không có số liệu',
    legend: 'Chú giải',
    table: 'Bảng số liệu của bản đồ',
  },
} as const;

type Dict = {
  readonly [K in keyof typeof vi]: (typeof vi)[K] extends (...a: infer A) => string
    ? (...a: A) => string
    : (typeof vi)[K] extends object
      ? {
          readonly [J in keyof (typeof vi)[K]]: (typeof vi)[K][J] extends (...a: infer B) => string
            ? (...a: B) => string
            : string;
        }
      : string;
};

const en: Dict = {
  siteName: 'Công khai',
  tagline: 'Administrative reform results of communes, wards and townships',
  skip: 'Skip to main content',
  nav: {
    home: 'Home',
    directory: 'Units',
    compare: 'Compare',
    indicators: 'Indicators',
    data: 'Open data',
    method: 'Method',
    search: 'Search',
  },
  otherLanguage: 'Tiếng Việt',
  otherLanguageCode: 'vi',
  footer:
    'Figures are reported by the communes’ People’s Committees. Indicators follow a published method.',
  unitsCount: (n) => `${n} ${plural(n, 'unit', 'units')}`,
  reportsCount: (n) => `${n} ${plural(n, 'report', 'reports')}`,
  latestPeriod: 'Latest period',
  headline: 'All units that reported',
  headlineNote: (units, total) =>
    `Counts of the ${units} of ${total} units with figures are added up before dividing, not averaged as rates.`,
  weightedNote: (units, total) =>
    `Rates stated by ${units} of ${total} units, weighted by dossiers received.`,
  movers: 'Biggest changes since the previous period',
  best: 'Largest rise',
  worst: 'Largest fall',
  newest: 'Newest reports',
  searchLabel: 'Find a commune, ward or township',
  searchButton: 'Search',
  unit: 'Unit',
  district: 'District',
  province: 'Province',
  period: 'Period',
  value: 'Value',
  change: 'Change',
  rank: 'Rank',
  tied: 'tied',
  notComputable: 'not computable',
  notStated: 'not stated',
  overTime: 'Indicators over time',
  chartSummary: (name, ind, first, last, from, to) =>
    `${ind} for ${name}: from ${first} (${from}) to ${last} (${to}).`,
  figures: 'Reported figures',
  indicators: 'Indicators',
  formula: 'Formula',
  targets: 'Targets set',
  target: 'Target',
  actual: 'Result',
  met: 'Met',
  missed: 'Missed',
  noFigure: 'No figure in the report',
  warnings: 'Figures that do not agree',
  noWarnings: 'The report’s figures agree with each other.',
  warningsNote:
    'Warnings are computed from the report’s own figures; the report is published as written.',
  reports: 'Reports',
  neighbours: 'Units nearby',
  compareWith: 'Compare with these units',
  lineage: 'Administrative reorganisation',
  formedFrom: 'Formed on 1 July 2025 from',
  whole: 'whole',
  part: 'in part',
  mergedInto: 'Since 1 July 2025 part of',
  combinedNote:
    'Periods before the reorganisation: figures of the old units added up, rates recomputed.',
  beforeMerger: 'before reorganisation',
  score: 'Composite score (modelled on Decision 766/QĐ-TTg)',
  scoreCoverage: (n) =>
    `over the ${String(n)} of 6 groups the report has figures for; not the official score`,
  narrative: 'The report',
  download: 'Download the source file (Markdown)',
  number: 'Number',
  issued: 'Issued',
  signer: 'Signed by',
  explanation: 'Explanation',
  noReports: 'No report of this unit has been published yet.',
  onePeriod: 'One period reported so far: no trend yet.',
  ranking: 'Ranking',
  rankingPages: {
    nav: 'Pages of the ranking',
    page: (n: string) => `Page ${n}`,
    range: (from: string, to: string, of: string) => `Ranks ${from}–${to} of ${of} ranked units.`,
    first: 'First page: total, maps and distribution',
  },
  distribution: 'Distribution',
  byDistrict: 'By district',
  byProvince: 'By province',
  choosePeriod: 'Period',
  sinceLast: 'since the previous period',
  notRanked: 'Not ranked (figures missing)',
  impossible: {
    note: 'The report states a figure that cannot be true as written (a part larger than its whole, or a rate over 100%). Its figures are published as reported, but the unit gets no composite score and no rank for this period.',
    score: 'not computed: the report states an impossible figure',
    notRanked: 'Not ranked: the report states an impossible figure',
  },
  nowhereComputable: 'No unit has the figures for this indicator in this period.',
  units: 'units',
  compareTitle: 'Compare units',
  compareIntro:
    'Choose units and an indicator to compare over time. The page address keeps the choice, so it can be shared.',
  compareNoJs: 'Choosing units needs JavaScript. The table below compares the default units.',
  methodTitle: 'Method',
  dataTitle: 'Open data',
  searchTitle: 'Search',
  searchNoJs:
    'The search box needs JavaScript. The directory lists every unit by province and district:',
  noMatch: 'No match found.',
  directoryTitle: 'Directory of units',
  directoryUnits: 'Units',
  noReport: 'no report',
  breadcrumb: 'Breadcrumb',
  directoryIntro:
    'Every commune, ward and township by province: each province’s page lists its units since 1 July 2025 and its districts before, a page per district, with their latest figures.',
  directoryProvinces: 'Provinces',
  directoryProvincesNote:
    'On-time rates are over the reports of the province’s latest period, counts added first.',
  districtsColumn: 'Districts before 1 July 2025',
  afterMerger: 'Units since 1 July 2025',
  area: {
    provinceTitle: (p: string) => `${p} province`,
    districtTitle: (d: string, p: string) => `${d} district, ${p} province`,
    districtBefore: 'before 1 July 2025',
    provinceIntro:
      'The units of the province with their latest figures, a map where boundaries exist, and who has reported each period.',
    districtIntro:
      'The units of the district (before districts were abolished on 1 July 2025) with their latest figures, a map where boundaries exist, and who has reported each period.',
    units: 'Units',
    districts: 'Districts before 1 July 2025',
    districtsNote:
      'Each district has a page listing its units. Rates are over the reports of the district’s latest period, counts added first.',
    unitsColumn: 'Units',
    reporting: 'Who has reported, by period',
    reportingNote:
      'Per period: how many units of the area were due, published on time, late, or have not reported.',
    mapTitle: (ind: string, area: string, period: string) => `${ind}, ${area}, ${period}`,
    directoryLink: 'See in the directory',
  },
  onTimeShort: 'On time',
  onlineShort: 'Online',
  reportsColumn: 'Reports',
  notFound: 'Page not found',
  notFoundText: 'The page you are looking for does not exist or has moved.',
  backHome: 'Back to the home page',
  percentPoints: 'pp',
  reporting: {
    nav: 'Reporting',
    title: 'Who has reported',
    intro:
      'For each period: every unit due to report, as published on time, published late or not yet reported, by province and district. On time means first published no later than the due date.',
    periodTitle: (p: string) => `Who has reported ${p}`,
    due: 'Due',
    noDue: 'no due date set',
    provinceDue:
      'Some provinces set a due date of their own; each unit is judged by its province’s date.',
    expected: 'Due to report',
    onTime: 'On time',
    late: 'Late',
    undated: 'Published, date unknown',
    missing: 'Not yet reported',
    onTimeShare: 'On-time share',
    reportedShare: 'Reported share',
    status: 'Status',
    published: 'Published',
    daysLate: (n: string) => `${n} days late`,
    byProvince: 'By province',
    byDistrict: 'By district',
    units: 'Each unit',
    unitsOf: (p: string) => `Each unit of ${p} province`,
    provinceTitle: (period: string, p: string) => `Who has reported ${period}: ${p} province`,
    byProvinceNote: 'Each province has a page listing each of its units, by district.',
    noneDue: 'No unit of the province had to report this period.',
    periods: 'Periods',
    summary: (onTime: string, expected: string, share: string) =>
      `${onTime} of ${expected} units published on time (${share}).`,
    csv: 'Download the reporting table (CSV)',
  },
  corrections: {
    title: 'Correction log',
    note: (n: string, date: string) =>
      `This report has been corrected ${n === '1' ? 'once' : `${n} times`}, last on ${date}.`,
    date: 'Corrected on',
    reason: 'Reason',
    changes: 'Figures changed',
    before: 'Before',
    after: 'After',
    textChanged: 'Other content of the report (title, text…) was corrected too.',
    noFigureChanged: 'No figure changed.',
    version: (n: string) => `Download version ${n}`,
    versionOf: (n: string, date: string) => `version ${n}, published until ${date}`,
    firstPublished: 'First published',
    feedTitle: (title: string) => `Correction: ${title}`,
  },
  peers: {
    title: 'Against units of the same area',
    intro: (period: string) =>
      `${period}: the unit’s rank in its district and province, and the median of the units with a figure.`,
    within: 'Within',
    rankOf: (rank: string, of: string) => `${rank} of ${of}`,
    betterThan: (share: string) => `above ${share} of units`,
    median: 'Median',
    alone: 'the only unit with a figure',
    gapTitle: 'Composite score points still to gain',
    gapIntro: 'The points each group falls short of its maximum, from the report’s figures.',
    group: 'Group',
    points: 'Maximum',
    toGain: 'To gain',
    notMeasured: 'no figure',
    method: 'How the score is computed',
  },
  brief: {
    title: 'One-page brief',
    link: 'One-page printable brief (A4)',
    printHint: 'This page prints on one A4 sheet (Ctrl+P).',
    source:
      'Source: Công khai, figures as reported by the unit. All figures and the original reports:',
  },
  map: {
    title: 'Map',
    demo: 'Demo boundaries, not real ones.',
    noData: 'no data',
    legend: 'Legend',
    table: 'The map’s figures',
  },
};

export function t(locale: Locale): Dict {
  return locale === 'en' ? en : vi;
}
