/**
 * How Vietnamese administrative reports name each figure, as data. A figure
 * takes the metric of the cue that ends closest before it in its clause
 * (longer cues win ties: "trước và đúng hạn" over "đúng hạn"). Phrases are
 * lower case, NFC; any run of spaces in the text matches one space here.
 */
import type { MetricId } from '@congkhai/indicators';

/** What a sentence is about; some cues mean different things in each. */
export type Topic = 'intake' | 'resolution';

export interface Cue {
  readonly metric: MetricId;
  readonly phrases: readonly string[];
  /** The cue counts only in a sentence about this topic. */
  readonly topic?: Topic;
  /**
   * Postal intake: part of received_direct, so a figure for it alone is
   * never the direct intake, and a "trực tiếp" figure beside it leaves the
   * postal ones out.
   */
  readonly postal?: true;
}

export const COUNT_CUES: readonly Cue[] = [
  {
    metric: 'dossiers.received',
    phrases: [
      'tiếp nhận',
      'tổng số hồ sơ',
      'tổng hồ sơ',
      'nhận mới',
      'mới tiếp nhận',
      'số hồ sơ nhận',
      'hồ sơ nhận',
      // "Số hồ sơ nhận giải quyết", "Tổng số hồ sơ phải giải quyết": all the period had to
      // resolve (carried over and new), the form's intake column, never what was resolved.
      'nhận giải quyết',
      'phải giải quyết',
      'cần giải quyết',
      // "Tổng số hồ sơ yêu cầu giải quyết là 10.455": what was asked of the unit, not resolved.
      'yêu cầu giải quyết',
    ],
  },
  {
    metric: 'dossiers.received_online',
    phrases: [
      'trực tuyến',
      'online',
      'qua mạng',
      'qua cổng dịch vụ công',
      'qua cổng',
      'môi trường điện tử',
      'qua môi trường mạng',
    ],
    topic: 'intake',
  },
  {
    metric: 'dossiers.received_online',
    phrases: [
      'tiếp nhận trực tuyến',
      'nộp trực tuyến',
      'tiếp nhận online',
      'nộp online',
      'nộp qua cổng',
      'nộp qua mạng',
    ],
  },
  {
    metric: 'dossiers.received_direct',
    phrases: ['trực tiếp', 'tại bộ phận một cửa', 'tại quầy'],
    topic: 'intake',
  },
  {
    metric: 'dossiers.received_direct',
    phrases: ['qua bưu chính', 'qua dịch vụ bưu chính', 'bưu chính công ích', 'bưu điện'],
    topic: 'intake',
    postal: true,
  },
  { metric: 'dossiers.received_direct', phrases: ['tiếp nhận trực tiếp', 'nộp trực tiếp'] },
  {
    metric: 'dossiers.carried_over',
    phrases: [
      'kỳ trước chuyển sang',
      'kỳ trước chuyển qua',
      'chuyển sang',
      'tồn kỳ trước',
      'tồn đọng kỳ trước',
      'từ kỳ trước',
      'tồn từ kỳ trước',
    ],
  },
  {
    metric: 'dossiers.resolved',
    phrases: [
      'đã giải quyết',
      'giải quyết xong',
      'đã xử lý',
      'đã trả kết quả',
      'trả kết quả',
      'giải quyết',
      'hoàn thành giải quyết',
      'số hồ sơ giải quyết',
    ],
  },
  {
    metric: 'dossiers.resolved_early',
    phrases: ['trước hạn', 'trước thời hạn', 'sớm hạn', 'sớm hơn thời hạn'],
  },
  { metric: 'dossiers.resolved_on_time', phrases: ['đúng hạn', 'đúng thời hạn', 'đúng hẹn'] },
  {
    metric: 'dossiers.resolved_in_time',
    phrases: [
      'trước và đúng hạn',
      'đúng và trước hạn',
      'trước hạn và đúng hạn',
      'đúng hạn và trước hạn',
      'trước hạn, đúng hạn',
      'đúng hạn, trước hạn',
      'trước, đúng hạn',
      'đúng, trước hạn',
      'sớm và đúng hạn',
      'đúng và sớm hạn',
      'sớm hạn và đúng hạn',
    ],
  },
  {
    metric: 'dossiers.resolved_late',
    phrases: ['quá hạn', 'trễ hạn', 'trễ hẹn', 'quá hẹn', 'chậm muộn', 'chậm so với'],
  },
  {
    metric: 'dossiers.pending',
    phrases: [
      'đang giải quyết',
      'đang xử lý',
      'chưa giải quyết',
      'chưa giải quyết xong',
      'chưa xử lý xong',
      'đang thụ lý',
      'chưa đến hạn',
      'chưa đến hạn trả',
      // Not "trả kết quả": the result is not out yet.
      'chưa đến hạn trả kết quả',
      'chưa trả kết quả',
      'chưa đến hạn giải quyết',
      // Carried into the next period: pending at the end of this one, not carried over into it.
      'chuyển sang kỳ sau',
      'chuyển kỳ sau',
      'chuyển sang kỳ tiếp theo',
      'chuyển sang tháng sau',
      'chuyển sang quý sau',
      'chuyển sang năm sau',
      'chuyển sang năm',
      'đang trong hạn',
      'đang trong thời hạn',
      'trong thời hạn giải quyết',
    ],
  },
  {
    metric: 'dossiers.returned',
    phrases: [
      'trả lại',
      'tạm dừng',
      'rút hồ sơ',
      'xin rút',
      'không đủ điều kiện',
      'bị từ chối',
      'dừng giải quyết',
      'trả về',
    ],
  },
  {
    metric: 'services.online_level34',
    phrases: [
      'mức độ 3, 4',
      'mức độ 3,4',
      'mức độ 3 và 4',
      'mức độ 3, mức độ 4',
      'mức độ 3 và mức độ 4',
      'mức 3, 4',
      // Both kinds together; "toàn trình" or "một phần" alone is a part of them.
      'toàn trình và một phần',
      'một phần và toàn trình',
      'toàn trình, một phần',
      'một phần, toàn trình',
    ],
  },
];

/** A "late" or "early" cue after one of these in the clause describes pending dossiers, not resolved ones. */
export const PENDING_QUALIFIERS = [
  'đang giải quyết',
  'chưa giải quyết',
  'đang xử lý',
  'đang thụ lý',
];

export const PERCENT_CUES: readonly Cue[] = [
  { metric: 'rates.digitization', phrases: ['số hóa', 'số hoá'] },
  {
    metric: 'payments.online_rate',
    phrases: [
      'thanh toán trực tuyến',
      'thanh toán không dùng tiền mặt',
      'thanh toán điện tử',
      'thu phí, lệ phí trực tuyến',
      'phí, lệ phí trực tuyến',
      'nộp phí, lệ phí trực tuyến',
      'thanh toán phí, lệ phí trực tuyến',
    ],
  },
  // SIPAS: the national index of satisfaction with public administrative services.
  { metric: 'satisfaction.rate', phrases: ['hài lòng', 'sipas'] },
];

/**
 * Words before a percentage that make it a target, not a result. "Kế hoạch"
 * counts only as a plan's figure ("kế hoạch giao 50%"), never as the name of
 * a document ("Thực hiện Kế hoạch số 125/KH-UBND ..., tỷ lệ ... đạt 45%"): see
 * WEAK_TARGET.
 */
export const TARGET_CUES = [
  'chỉ tiêu',
  'giao là',
  'được giao',
  'mục tiêu',
  'phấn đấu',
  'yêu cầu đạt',
  'theo quyết định giao',
];

/** "Kế hoạch" right before its figure, with no comma, number or document number between. */
export const WEAK_TARGET = /(?<![\p{L}])kế hoạch(?!\s*(?:số|\d))[^,;\d]*$/u;

/**
 * Words that make a count a goal or a forecast, not a result: "Phấn đấu tiếp
 * nhận trực tuyến 1.000 hồ sơ", "dự kiến giải quyết 300 hồ sơ".
 */
export const GOAL_CUES =
  /(?<![\p{L}])(?:phấn đấu|chỉ tiêu|mục tiêu|dự kiến|dự báo|ước thực hiện|kế hoạch giao|được giao|phải đạt|yêu cầu đạt)(?![\p{L}])/u;

/** A cue negated: "không hài lòng", "chưa thanh toán trực tuyến". */
export const NEGATION_BEFORE = /(?<![\p{L}])(?:không|chưa|chẳng)\s*$/u;

/**
 * Words that make an online or in-person cue one of payment, not intake:
 * "thanh toán trực tuyến 120 hồ sơ", "120 hồ sơ được thanh toán trực tuyến".
 */
export const PAYMENT_BEFORE =
  /(?<![\p{L}])(?:thanh toán|nộp phí|nộp lệ phí|phí, lệ phí|lệ phí|phí|nộp tiền|chi trả)\s*$/u;

/** A percentage that follows a count this closely is the count's share: "5.599 hồ sơ = 99,1%". */
export const SHARE_LINK =
  /^\s*(?:hồ sơ|hs|thủ tục)?\s*[,(=:-]?\s*(?:chiếm|đạt|bằng|tương ứng|=)?\s*(?:tỷ lệ|tỉ lệ)?\s*$/u;

/** Words right after a number that make it something other than a dossier count. */
export const NON_DOSSIER_UNITS = [
  'người',
  'lượt',
  'đ/c',
  'đồng chí',
  'cán bộ',
  'công chức',
  'viên chức',
  'đảng viên',
  'đại biểu',
  'hội viên',
  'hội nghị',
  'cuộc',
  'lớp',
  'buổi',
  'văn bản',
  'kế hoạch',
  'quyết định',
  'công văn',
  'báo cáo',
  'tin',
  'bài',
  'tỷ',
  'tỉ',
  'triệu',
  'nghìn đồng',
  'ngàn đồng',
  'đồng',
  'km',
  'ha',
  'm2',
  'm²',
  'héc',
  'mét',
  'năm',
  'tháng',
  'ngày',
  'giờ',
  'phút',
  'tuần',
  'quý',
  'thôn',
  'xóm',
  'ấp',
  'bản',
  'tổ',
  'khu',
  'xã',
  'phường',
  'huyện',
  'tỉnh',
  'đơn vị',
  'cơ quan',
  'ban',
  'ngành',
  'nhiệm vụ',
  'mô hình',
  'sáng kiến',
  'giải pháp',
  'tiêu chí',
  'chỉ tiêu',
  'trường hợp',
  'vụ',
  'đơn',
  'lần',
  'máy',
  'bộ máy',
  'thiết bị',
  'camera',
  'điểm',
  'tài khoản',
  'phần mềm',
  'hộ gia đình',
  'nhân khẩu',
  'cháu',
  'trẻ',
  'mức độ 2',
  'lĩnh vực',
];

/** Words before a number that make it a date, a reference or a rank, not a figure. */
export const NON_FIGURE_PREFIXES = [
  'ngày',
  'tháng',
  'năm',
  'số:',
  'khóa',
  'khoá',
  'lần thứ',
  'thứ',
  'quý',
  'giai đoạn',
  'điều',
  'khoản',
  'mục',
  'điểm',
  'phụ lục',
  'biểu',
  'nhiệm kỳ',
  'đến năm',
  'từ năm',
  'mức độ',
  'mức',
  'tuổi',
  'truy cập',
  'hôm nay',
  'đang truy cập',
  'top',
  'hạng',
  'xếp thứ',
  'đứng thứ',
];

/** A document reference: "Quyết định số 59", "Kế hoạch 101". */
export const DOCUMENT_PREFIX =
  /(?:quyết định|kế hoạch|công văn|thông tư|nghị quyết|nghị định|văn bản|báo cáo|tờ trình|chỉ thị|thông báo|chương trình|hướng dẫn|đề án|luật|pháp lệnh)\s*(?:số\s*)?:?\s*$/u;

/** Hedges that make a figure approximate: "hơn 10.392 người", "khoảng 500 hồ sơ". */
export const APPROXIMATE = [
  'hơn',
  'khoảng',
  'gần',
  'trên',
  'dưới',
  'xấp xỉ',
  'ước',
  'ước tính',
  'hàng',
  'hàng trăm',
  'hàng nghìn',
];

/**
 * After these words in a sentence, figures are differences or another period's: "tăng 12% so
 * với cùng kỳ", "cao hơn năm 2023 (95,4%)", "lũy kế từ đầu năm" (but "từ đầu năm đến ngày 30/6" names its period, which
 * dates the sentence).
 */
export const COMPARISON_MARKER =
  /(?<![a-zà-ỹđ])(?:so với|cùng kỳ|năm trước|(?<!(?:tồn|từ|đọng)\s)kỳ trước(?!\s+(?:chuyển|sang|qua))|chênh lệch|lũy kế|luỹ kế|từ đầu năm(?!(?:\s+\d{4})?\s*(?:đến|tới)\s*(?:hết\s+|cuối\s+)?(?:ngày\s+)?(?:\d|tháng\s+\d))|(?:tăng|giảm)(?:\s+(?:thêm|hơn|lên|xuống))?\s+\d|(?<!không\s)(?:cao|thấp|nhiều|ít) hơn(?![\p{L}]))/u;

/** Sentences that count procedures under the commune, not dossiers. */
export const PROCEDURE_CONTEXT =
  /thẩm quyền|công bố|niêm yết|bộ thủ tục|tổng số (?:tthc|thủ tục)|danh mục/u;
/**
 * A subset of the procedures (changed ones, or those offered online: "333 thủ
 * tục mức độ 3, 4"), not all under the commune's authority.
 */
export const PROCEDURE_EXCLUDE =
  /sửa đổi|bãi bỏ|bổ sung|mới ban hành|đơn giản hóa|đơn giản hoá|rà soát|liên thông|cắt giảm|thay thế|dịch vụ công|trực tuyến|mức độ|toàn trình|một phần/u;

/**
 * The words a dossier count may be followed by: its noun ("1.049 hồ sơ") or
 * the verb, qualifier or connective that goes on the clause ("1.145, trong
 * đó", "500 đã giải quyết"). Any other word after a number is what it
 * counts ("266 nắp đậy", "60 hộ", "12 trường hợp"): not dossiers.
 */
export const AFTER_DOSSIER_COUNT = [
  'hồ sơ',
  'hs',
  'bộ hồ sơ',
  'lượt hồ sơ',
  'trực',
  'qua',
  'tại',
  'nộp',
  'đã',
  'được',
  'đều',
  'đang',
  'chưa',
  'giải quyết',
  'xử lý',
  'thụ lý',
  'tiếp nhận',
  'trả',
  'trước',
  'đúng',
  'quá',
  'trễ',
  'sớm',
  'chậm',
  'và',
  'trong',
  'trên',
  'của',
  'là',
  'đạt',
  'chiếm',
  'bằng',
  'tương ứng',
  'so',
  'tăng',
  'giảm',
  'với',
  'thuộc',
  'theo',
  'từ',
  'do',
  'cho',
  'online',
  'mới',
  'kỳ',
  'còn',
  'bị',
  'gồm',
  'bao gồm',
  'tồn',
  'chuyển',
  'vẫn',
  'cũng',
  'này',
  'hoặc',
  'nhận',
  'hoàn thành',
  'phát sinh',
  'hợp lệ',
  'không',
];

/**
 * What a clause counts when its number has no noun after it: the head after
 * "số", "tổng số", "số lượng" ("Tổng số TTHC thuộc thẩm quyền ... là 167"
 * counts procedures). These heads are dossiers, or the verb of one.
 */
export const DOSSIER_HEADS = [
  'hồ sơ',
  'hs',
  'bộ hồ sơ',
  'tiếp nhận',
  'giải quyết',
  'đã',
  'được',
  'trả',
  'nhận',
  'mới',
  'lượng',
  'trực',
  'các',
  'liệu',
  'hóa',
  'hoá',
  'đang',
  'chưa',
  'xử lý',
  'thụ lý',
  'nộp',
  'kỳ',
  'đó',
  'này',
  'còn',
];
export const HEAD_MARKER = /(?<![\p{L}])(?:tổng số|tổng cộng|số lượng|số)\s+(?=\p{L})/gu;

/**
 * The fields of procedures a commune reports one by one ("Lĩnh vực hộ tịch:
 * tiếp nhận 223 hồ sơ", "- Chứng thực: 858 hồ sơ"): a clause that opens with
 * one counts that field's dossiers, a part of the unit's.
 */
export const FIELD_NAMES = [
  'hộ tịch',
  'chứng thực',
  'tư pháp',
  'tư pháp - hộ tịch',
  'đất đai',
  'địa chính',
  'tài nguyên',
  'tài nguyên và môi trường',
  'tài nguyên - môi trường',
  'môi trường',
  'xây dựng',
  'lao động',
  'lao động - thương binh và xã hội',
  'lđtbxh',
  'lđ-tb&xh',
  'btxh',
  'bảo trợ xã hội',
  'người có công',
  'thương binh',
  'chính sách',
  'văn hóa',
  'văn hoá',
  'giáo dục',
  'y tế',
  'nông nghiệp',
  'công thương',
  'giao thông',
  'đăng ký kinh doanh',
  'hộ kinh doanh',
  'kinh doanh',
  'nội vụ',
  'tôn giáo',
  'thi đua',
  'khen thưởng',
  'quân sự',
  'cư trú',
  'bảo hiểm',
  'khiếu nại',
  'tố cáo',
];

/** "Lĩnh vực đất đai ...", "- Hộ tịch: ...", "trong đó lĩnh vực hộ tịch ...": opened by one field. */
export const FIELD_LEAD = new RegExp(
  String.raw`^\s*(?:[-+•*–]\s*|\d+[.)]\s*|[a-zđ]\)\s*)?(?:trong đó\s*:?\s*)?(?:trong\s+|về\s+|đối với\s+|riêng\s+)?(?:lĩnh vực\s+(?!chuyên môn)(?!các\s)(?!\d)\p{L}|(?:${FIELD_NAMES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\s*(?::|(?=\s+(?:tiếp nhận|đã|giải quyết|nhận|có|\d))))`,
  'u',
);

/**
 * A heading that is one field ("1. Lĩnh vực hộ tịch", "b) Đất đai:"): the
 * figures under it, until the next heading, are that field's.
 */
export const FIELD_HEADING = new RegExp(
  String.raw`^\s*(?:[IVX]+\.|\d+(?:\.\d+)*[.)]|[a-zđ]\)|[-+•*–])\s*(?:lĩnh vực\s+)?(?:${FIELD_NAMES.map((f) => f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\s*:?\s*$`,
  'iu',
);

/** A clause about a part of the unit ("Riêng tại Bộ phận ... huyện", "Riêng lĩnh vực đất đai"): not the unit's figures. */
export const SUBSET_LEAD = /^(?:[-+•*–]\s*)?(?:riêng|đối với riêng)(?![\p{L}])/u;

/**
 * A breakdown by level or over several units ("cấp huyện 838 hồ sơ, cấp xã
 * 13.274", "các xã, phường tiếp nhận ..."): a part of a total, or other
 * units' figures, never this unit's own. A figure of the whole province or
 * district ("Toàn tỉnh đã tiếp nhận 1.245.300 hồ sơ") is a higher level's;
 * "toàn xã" is the unit itself and stays.
 */
export const LEVEL_PART =
  /(?<![\p{L}])(?:cấp (?:xã|huyện|tỉnh|trung ương|thành phố)|các (?:xã|phường|thị trấn|huyện|quận|đơn vị|địa phương|sở|ngành)|mỗi (?:xã|phường)|toàn (?:tỉnh|huyện|quận|thị xã|thành phố|quốc|ngành))(?![\p{L}])/u;

/**
 * The only words that may stand between a label and a number it is not
 * right next to ("tiếp nhận trong kỳ là 1.164", "giải quyết của UBND xã tính
 * đến ngày 30/6 là: 1.160"). Any other word is what the label is about
 * ("giải quyết đơn thư: 15"): the number is not a dossier figure.
 */
export const GAP_WORDS = new Set(
  (
    'trong kỳ quý năm tháng tuần ngày là được đã có gồm đạt tổng số cộng đến từ tính nay ' +
    'của ubnd ủy uỷ ban nhân dân xã phường thị trấn bộ phận một cửa trung tâm ' +
    'hồ sơ hs tthc thủ tục hành chính báo cáo này đó qua với và các loại mới lũy kế hết ' +
    'đầu cuối thời gian vừa hiện tại lên ' +
    // "Tổng số hồ sơ tiếp nhận trên các lĩnh vực: 500": all the fields are the whole.
    'trên lĩnh vực tất cả ' +
    // "qua Cổng Dịch vụ công quốc gia 1.100 hồ sơ": the portal's name goes on past the cue.
    'quốc gia'
  ).split(' '),
);

/** "1.200 hồ sơ/tháng", "50 hồ sơ mỗi ngày": after "hồ sơ", a rate, not a count. */
export const RATE =
  /^\s*(?:\/\s*\p{L}|(?:mỗi|một|trên|bình quân|trung bình)\s+(?:ngày|tuần|tháng|quý|năm|người|cán bộ|công chức)(?![\p{L}]))/u;

/**
 * What a rate of dossiers may be followed by (besides the words of its own
 * label: "100% hài lòng"): the dossiers, or the clause going on. Any other
 * word is what the percentage is of ("100% các xã", "95% kế hoạch").
 */
export const AFTER_DOSSIER_RATE = [
  'hồ sơ',
  'hs',
  'bộ hồ sơ',
  'giao dịch',
  'kết quả',
  'lượt',
  'số',
  'tổng',
  'trên',
  'trong',
  'và',
  'so',
  'đối với',
  'là',
  'được',
  'đã',
  'đạt',
  'trở',
  'theo',
  'tương ứng',
  'cao',
  'thấp',
  'tăng',
  'giảm',
  'vượt',
  'trong đó',
  'rất',
];

/** How a part of the results went out ("trả kết quả qua bưu chính", "giải quyết trực tuyến"). */
export const DELIVERY_CHANNEL =
  /(?<![\p{L}])(?:bưu chính|bưu điện|bcci|trực tuyến|qua mạng|qua cổng|tại nhà|tại chỗ|qua zalo)(?![\p{L}])/u;

/** Per item or on average ("mỗi nhóm phụ trách 30 hộ", "bình quân 20 hồ sơ/ngày"): never a total. */
export const PER_ITEM = /(?<![\p{L}])(?:mỗi|bình quân|trung bình|mỗi ngày|mỗi tháng)(?![\p{L}])/u;

/** Words that join two labels into one lump: "quá hạn và chưa giải quyết", "tiếp nhận và giải quyết". */
export const LUMP_JOIN = /^\s*(?:và|hoặc|hay|cùng|,|\/)\s*$/u;
export const WASTE_CONTEXT = /phân loại[^.;]*(?:rác|chất thải)|(?:rác|chất thải)[^.;]*phân loại/u;

/** "không có hồ sơ quá hạn" states a zero. */
export const ZERO_STATEMENTS: readonly { metric: MetricId; pattern: RegExp }[] = [
  {
    metric: 'dossiers.resolved_late',
    pattern:
      /(?<![\p{L}])(?:không có|chưa có|không phát sinh|chưa phát sinh|không còn) (?:hồ sơ|trường hợp hồ sơ)(?: nào)?(?: giải quyết| bị)? (?:quá hạn|trễ hạn|trễ hẹn|chậm muộn|quá thời hạn)/u,
  },
  {
    // "(trước hạn: 640 hồ sơ; đúng hạn: 81 hồ sơ; quá hạn: không)": a breakdown's zero.
    metric: 'dossiers.resolved_late',
    pattern: /(?:^|[;(,]\s*)(?:quá hạn|trễ hạn|trễ hẹn)\s*:\s*(?:không|không có)(?![\p{L}])/u,
  },
  {
    // "Hồ sơ quá hạn: không", "số hồ sơ trễ hạn: không có".
    metric: 'dossiers.resolved_late',
    pattern:
      /(?<![\p{L}])(?:hồ sơ|hs)(?: giải quyết)? (?:quá hạn|trễ hạn|trễ hẹn)\s*:\s*(?:không|không có)(?![\p{L}])/u,
  },
  {
    metric: 'dossiers.resolved_late',
    pattern: /(?<![\p{L}\d])không hồ sơ (?:giải quyết )?(?:quá hạn|trễ hạn)/u,
  },
  {
    metric: 'dossiers.returned',
    pattern:
      /(?<![\p{L}])(?:không có|chưa có|không phát sinh) (?:hồ sơ|trường hợp hồ sơ)(?: nào)? (?:bị )?(?:trả lại|trả về)/u,
  },
];

/** A zero stated as a goal or a duty, not a result: "Phấn đấu không phát sinh hồ sơ quá hạn". */
export const ZERO_GOAL =
  /(?<![\p{L}])(?:phấn đấu|mục tiêu|chỉ tiêu|bảo đảm|đảm bảo|yêu cầu|cam kết|quyết tâm|tiếp tục|nhằm|để)(?![\p{L}])/u;

/**
 * Words after "N hồ sơ" that keep it the unit's whole count: a cue, a
 * qualifier, a connective. Any other word names a kind of dossier ("12 hồ sơ
 * đăng ký khai sinh", "20 hồ sơ đất đai", "hồ sơ khiếu nại"): a part, or not
 * an administrative procedure at all, never the unit's total.
 */
export const AFTER_DOSSIER_NOUN = [
  'tthc',
  'thủ tục hành chính',
  'các loại',
  'các lĩnh vực',
  'tất cả',
  'hành chính',
  'dịch vụ công',
  'mức độ',
];
/** "N hồ sơ thuộc lĩnh vực đất đai", "N hồ sơ về hộ tịch": one field's dossiers. */
export const FIELD_SUBSET = /^\s*(?:thuộc\s+)?(?:lĩnh vực|về|của lĩnh vực)(?![\p{L}])/u;

/** A percentage with these around it is a threshold ("đạt 95% trở lên"), not a result. */
export const THRESHOLD_AFTER = /^\s*(?:trở lên|trở xuống|trở lại)/u;
export const THRESHOLD_BEFORE = /(?:tối thiểu|ít nhất|không dưới|không thấp hơn|trên|dưới)\s*$/u;

/**
 * Names of offices and systems that contain a cue: "Bộ phận tiếp nhận và trả
 * kết quả", "Hệ thống thông tin giải quyết thủ tục hành chính". They name
 * where dossiers go, never what a number counts, so cues are not read in them.
 */
export const NAMES_WITH_CUES =
  /(?<![\p{L}])(?:hệ thống thông tin giải quyết\s+(?:thủ tục hành chính|tthc)|bộ phận\s+tiếp nhận(?:\s+và|,)\s+trả kết quả(?:\s+giải quyết\s+(?:thủ tục hành chính|tthc))?)(?![\p{L}])/gu;
