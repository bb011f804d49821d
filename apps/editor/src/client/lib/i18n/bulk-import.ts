/**
 * The texts of importing many reports at once, Vietnamese first; English is
 * typed by the Vietnamese.
 */
export const vi = {
  bulkImport: {
    importPastReportsIn: 'Nhập hàng loạt báo cáo cũ',
    chooseFolderOrFiles:
      'Chọn một thư mục (hoặc nhiều tệp) báo cáo .docx, .pdf, .txt. Mỗi tệp nêu rõ một đơn vị trong danh sách và một kỳ thành một bản nháp với số liệu đề xuất; người soạn của đơn vị đối chiếu với văn bản trước khi gửi duyệt. Tệp nào cần quyết định (đơn vị, kỳ, đã có báo cáo) được liệt kê bên dưới.',
    folderOfReports: 'Thư mục báo cáo',
    orFiles: 'hoặc các tệp',
    results: 'Kết quả',
    readFiles: (done: string, total: string) => `Đã đọc ${done}/${total} tệp`,
    draftsCreatedNeedDecision: (created: string, toDecide: string, failed: string) =>
      `${created} bản nháp đã tạo · ${toDecide} cần quyết định · ${failed} lỗi`,
    file: 'Tệp',
    result: 'Kết quả',
    unit: 'Đơn vị',
    period: 'Kỳ',
    figures: 'Số liệu',
    failed: 'Lỗi',
    waiting: 'đang chờ…',
    draftCreated: 'Đã tạo bản nháp',
    needsDecision: 'Cần quyết định',
  },
};

export const en: typeof vi = {
  bulkImport: {
    importPastReportsIn: 'Import past reports in bulk',
    chooseFolderOrFiles:
      'Choose a folder (or files) of .docx, .pdf, .txt reports. Each file that names one unit of the list and a period becomes a draft with proposed figures, for the unit’s editor to check against the text before submitting. Files that need a decision (unit, period, a report already there) are listed below.',
    folderOfReports: 'Folder of reports',
    orFiles: 'or files',
    results: 'Results',
    readFiles: (done: string, total: string) => `Read ${done} of ${total} files`,
    draftsCreatedNeedDecision: (created: string, toDecide: string, failed: string) =>
      `${created} drafts created · ${toDecide} need a decision · ${failed} failed`,
    file: 'File',
    result: 'Result',
    unit: 'Unit',
    period: 'Period',
    figures: 'Figures',
    failed: 'Failed',
    waiting: 'waiting…',
    draftCreated: 'Draft created',
    needsDecision: 'Needs a decision',
  },
};
