/**
 * The texts of the header, menu and language switch (App.svelte), Vietnamese
 * first; English is typed by the Vietnamese.
 */
export const vi = {
  app: {
    loggedOutEverywhereSession: (sessions: string) =>
      `Đã đăng xuất khỏi mọi nơi (${sessions} phiên).`,
    editor: 'Biên tập',
    logOut: 'Đăng xuất',
    navigation: 'Điều hướng',
    reports: 'Báo cáo',
    reportingCycle: 'Chu kỳ báo cáo',
    siteBuilds: 'Dựng trang',
    notifications: 'Thông báo',
    unread: ' chưa đọc',
    administration: 'Quản trị',
    bulkImport: 'Nhập hàng loạt',
    changePassword: 'Đổi mật khẩu',
    logOutEverywhere: 'Đăng xuất mọi nơi',
    otherLanguage: 'English',
    loading: 'Đang tải…',
  },
};

export const en: typeof vi = {
  app: {
    loggedOutEverywhereSession: (sessions: string) =>
      `Logged out everywhere (${sessions} session(s)).`,
    editor: 'Editor',
    logOut: 'Log out',
    navigation: 'Navigation',
    reports: 'Reports',
    reportingCycle: 'Reporting cycle',
    siteBuilds: 'Site builds',
    notifications: 'Notifications',
    unread: ' unread',
    administration: 'Administration',
    bulkImport: 'Bulk import',
    changePassword: 'Change password',
    logOutEverywhere: 'Log out everywhere',
    otherLanguage: 'Tiếng Việt',
    loading: 'Loading…',
  },
};
