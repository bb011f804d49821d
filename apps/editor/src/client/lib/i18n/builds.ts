/**
 * The texts of the public site's builds ("Dựng trang"), Vietnamese first;
 * English is typed by the Vietnamese.
 */
export const vi = {
  builds: {
    publicSiteBuilds: 'Dựng trang công khai',
    eachPublishWithdrawalOr:
      'Mỗi lần công bố, rút hay sửa đơn vị, trang công khai được dựng lại; bản đang chạy chỉ được thay khi bản mới dựng xong và đã kiểm tra.',
    building: 'Đang dựng:',
    buildProgress: 'Tiến độ dựng trang',
    pages: 'trang',
    latestBuilds: 'Các lần dựng trang gần nhất',
    started: 'Bắt đầu',
    reason: 'Lý do',
    result: 'Kết quả',
    duration: 'Thời gian',
    pages2: 'Số trang',
    log: 'Nhật ký',
    show: 'Xem',
    noBuildsYet: 'Chưa dựng lần nào.',
    openPublicSite: 'Mở trang công khai',
    rollBackTitle: 'Quay lại bản trước',
    rollBackHint:
      'Khi bản mới của trang công khai có lỗi, đưa bản được giữ ngay trước nó lên lại. Lần dựng sau sẽ dựng toàn bộ từ nội dung hiện tại.',
    rollBack: 'Quay lại bản trước',
    noEarlierRelease: 'Chưa có bản trước nào được giữ để quay lại: chỉ có bản đang chạy.',
    rollBackAsk: (when: string) =>
      `Đưa bản dựng lúc ${when} lên lại thay cho bản đang chạy? Bản đang chạy vẫn được giữ.`,
    confirmRollBack: 'Xác nhận quay lại',
    cancel: 'Hủy',
    rollingBack: 'Đang quay lại bản trước…',
    rolledBack: (when: string) => `Đã quay lại bản dựng lúc ${when}.`,
    unrecordedRelease: 'không rõ giờ dựng',
  },
};

export const en: typeof vi = {
  builds: {
    publicSiteBuilds: 'Public site builds',
    eachPublishWithdrawalOr:
      'Each publish, withdrawal or unit change rebuilds the public site; the live version is replaced only once the new one is built and checked.',
    building: 'Building:',
    buildProgress: 'Build progress',
    pages: 'pages',
    latestBuilds: 'Latest builds',
    started: 'Started',
    reason: 'Reason',
    result: 'Result',
    duration: 'Duration',
    pages2: 'Pages',
    log: 'Log',
    show: 'Show',
    noBuildsYet: 'No builds yet.',
    openPublicSite: 'Open the public site',
    rollBackTitle: 'Roll back to the previous release',
    rollBackHint:
      'When the new release of the public site is wrong, put the one kept just before it live again. The next build renders everything from the current content.',
    rollBack: 'Roll back to the previous release',
    noEarlierRelease: 'No earlier release is kept to roll back to: only the live one.',
    rollBackAsk: (when: string) =>
      `Put the release built at ${when} live instead of the current one? The current one stays kept.`,
    confirmRollBack: 'Confirm the rollback',
    cancel: 'Cancel',
    rollingBack: 'Rolling back to the previous release…',
    rolledBack: (when: string) => `Rolled back to the release built at ${when}.`,
    unrecordedRelease: 'build time unknown',
  },
};
