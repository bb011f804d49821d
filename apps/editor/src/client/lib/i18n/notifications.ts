/** The texts of the notifications, Vietnamese first; English is typed by the Vietnamese. */
export const vi = {
  notifications: {
    notifications: 'Thông báo',
    unread: (unread: string) => `${unread} chưa đọc`,
    markAllAsRead: 'Đánh dấu đã đọc tất cả',
    noNotificationsYet: 'Chưa có thông báo nào.',
    new: 'Mới',
    markAsRead: 'Đánh dấu đã đọc',
  },
};

export const en: typeof vi = {
  notifications: {
    notifications: 'Notifications',
    unread: (unread: string) => `${unread} unread`,
    markAllAsRead: 'Mark all as read',
    noNotificationsYet: 'No notifications yet.',
    new: 'New',
    markAsRead: 'Mark as read',
  },
};
