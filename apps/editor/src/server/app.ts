import { approvalsRouter } from './routers/approvals.ts';
import { authRouter } from './routers/auth.ts';
import { importRouter } from './routers/importer.ts';
import { notificationsRouter } from './routers/notifications.ts';
import { reportsRouter } from './routers/reports.ts';
import { siteRouter } from './routers/site.ts';
import { unitsRouter } from './routers/units.ts';
import { usersRouter } from './routers/users.ts';
import { router } from './trpc.ts';

export const appRouter = router({
  auth: authRouter,
  units: unitsRouter,
  reports: reportsRouter,
  import: importRouter,
  users: usersRouter,
  site: siteRouter,
  approvals: approvalsRouter,
  notifications: notificationsRouter,
});

export type AppRouter = typeof appRouter;
