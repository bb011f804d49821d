/** The signed-in user's unread notifications, counted in the header and kept fresh as they move around. */
import { api } from './api.ts';

export const notifications = $state<{ unread: number }>({ unread: 0 });

export async function refreshUnread(): Promise<void> {
  try {
    notifications.unread = await api.notifications.unread.query();
  } catch {
    // Signed out or offline: the count stays as it was; the next page change tries again.
  }
}
