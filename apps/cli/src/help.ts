export const HELP = `congkhai — công cụ dòng lệnh của Công khai / the Công khai command line

CÁCH DÙNG / USAGE
  congkhai <lệnh> [tùy chọn] / congkhai <command> [options]

LỆNH / COMMANDS
  check [--json] [--lang vi|en] TỆP...
      Kiểm tra các tệp báo cáo (Markdown có phần thông tin đầu tệp): báo lỗi
      kèm dòng và cột, in số liệu, các chỉ số, chỉ tiêu và cảnh báo về số liệu
      không khớp. Trả mã thoát 1 nếu có tệp không hợp lệ. Chấp nhận thư mục
      và mẫu như content/**/*.md.
      Validates report files (Markdown with frontmatter): prints errors with
      line and column, the figures, indicators, targets and warnings about
      figures that do not add up. Exits 1 when any file is invalid. Accepts
      directories and patterns such as content/**/*.md.

      --json   In một mảng JSON, mỗi tệp một phần tử:
               Prints one JSON array, one element per file:
               { "file", "valid", "errors": [{"line","column","message"}],
                 "unit", "period", "metrics": {"<id>": number},
                 "indicators": {"<id>": number|null}, "warnings": [{"check","message"}] }
               Chỉ số là phân số 0..1; composite_score là điểm trên 100.
               Indicators are fractions in 0..1; composite_score is points out of 100.

  import [--json] [--lang vi|en] TỆP
      Đọc một báo cáo sẵn có (.docx, .pdf hoặc văn bản) và đề xuất báo cáo có cấu
      trúc: đơn vị, kỳ, số hiệu, ngày, số liệu kèm câu nguồn, chỉ tiêu, cảnh báo
      và phần nội dung dạng Markdown. Không bao giờ tự đặt ra số liệu mà văn bản
      không nêu. Không có --json: in tệp báo cáo đề xuất, cảnh báo ra stderr.
      Reads an existing report (.docx, .pdf or text) and proposes a structured
      report: unit, period, number, date, figures with the sentence each came
      from, targets, warnings and the narrative as Markdown. Never proposes a
      figure the text does not state. Without --json: prints the proposed
      report file, warnings on stderr.

      --json   { "unit", "period": {"start","end","label"}, "number", "issued",
                 "metrics": {"<id>": {"value","source"}}, "targets": {"<id>": number},
                 "warnings": [{"check","message"}], ... }

  import [--json] [--lang vi|en] [--out THƯ_MỤC] THƯ_MỤC
      Đọc cả một thư mục báo cáo cũ (.docx, .pdf, .txt, kể cả thư mục con),
      từng tệp một, và tóm tắt mỗi tệp: đơn vị, kỳ, số số liệu đọc được, những
      gì cần người biên tập quyết định (đơn vị, kỳ, số liệu mâu thuẫn hoặc gộp,
      hai tệp cùng đơn vị và kỳ) và tệp nào lỗi. Trả mã thoát 1 nếu có tệp lỗi.
      Reads a whole folder of past reports (.docx, .pdf, .txt, subfolders
      too), file by file, and sums up each: unit, period, figures read, what
      an editor must decide (unit, period, contradicting or lumped figures,
      two files for one unit and period) and which files failed. Exits 1 when
      any file failed.

      --json   Một mảng, mỗi tệp một phần tử / one array, one element per file:
               { "file", "ok", "error"?, "unit", "period", "figures",
                 "decisions": [string], "proposal"?: (như import --json / as import --json) }
      --out THƯ_MỤC  Ghi đề xuất của mỗi tệp thành THƯ_MỤC/<tệp>.json.
                     Writes each file's proposal to DIR/<file>.json.

  demo --out THƯ_MỤC [--units N] [--periods P] [--seed S]
      Tạo dữ liệu mẫu: N đơn vị (mặc định 100), P kỳ 6 tháng (mặc định 8) đến
      hết 2025, có xu hướng, ngoại lệ, số liệu thiếu, báo cáo không khớp, báo
      cáo theo khoảng thời gian tùy chọn và đợt sắp xếp đơn vị ngày 01/7/2025.
      Writes demo content: N units (default 100), P half-years (default 8) up
      to 2025, with trends, outliers, missing figures, inconsistent reports,
      custom-range reports and the 1 July 2025 merger. Same seed, same content.

TÙY CHỌN CHUNG / COMMON OPTIONS
  --lang vi|en   Ngôn ngữ thông báo (mặc định: vi) / message language (default: vi)
  -h, --help     In hướng dẫn này / print this help

VÍ DỤ / EXAMPLES
  pnpm congkhai check content/**/*.md
  pnpm congkhai check --json content/reports/quang-hai-tu-ky-hai-duong/2023-H1.md
  pnpm congkhai import --json bao-cao-6-thang.docx
  pnpm congkhai import bao-cao-cu/
`;
