/** Users (admin only): who may write or review which units; one-time passwords for new users and resets. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { markOneTime, nowOf, resetPassword, unlessBusy } from '../accounts.ts';
import { generatePassword, hashPassword } from '../password.ts';
import { audit } from '../store/audit.ts';
import { listUnits } from '../store/units.ts';
import { USER_ROLES, createUser } from '../store/users.ts';
import { text } from '../store/values.ts';
import { adminOnly, router, type Context } from '../trpc.ts';

const email = z
  .string()
  .trim()
  .max(254)
  .refine(
    (v) => v === '' || /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(v),
    'địa chỉ thư không đúng dạng.',
  )
  .optional();

/** Scopes name units and provinces that exist: a slug typed wrong is refused by name, not kept as a scope of nothing. */
async function checkScopes(ctx: Context, units: readonly string[], provinces: readonly string[]) {
  const known = await listUnits(ctx.db);
  const ids = new Set(known.map((u) => u.id));
  const names = new Set(known.map((u) => u.province));
  const bad = [...units.filter((u) => !ids.has(u)), ...provinces.filter((p) => !names.has(p))];
  if (bad.length > 0)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `Không có đơn vị hoặc tỉnh: ${bad.slice(0, 5).join(', ')}.`,
    });
}

export const usersRouter = router({
  list: adminOnly.query(async ({ ctx }) => {
    const rows = (
      await ctx.db.execute(`SELECT u.id, u.username, u.display_name, u.role, u.disabled, u.email,
        u.must_change_password, u.password_expires_at,
        group_concat(s.unit_id) AS units, group_concat(s.province) AS provinces
        FROM users u LEFT JOIN user_scopes s ON s.user_id = u.id GROUP BY u.id ORDER BY u.username`)
    ).rows;
    return rows.map((r) => ({
      id: Number(r.id),
      username: text(r.username),
      displayName: text(r.display_name),
      role: text(r.role),
      disabled: Number(r.disabled) === 1,
      email: r.email === null ? '' : text(r.email),
      /** Still holds a one-time password, valid until then (ms), or past it. */
      oneTimePasswordUntil:
        Number(r.must_change_password) === 1 && r.password_expires_at !== null
          ? Number(r.password_expires_at)
          : undefined,
      mustChangePassword: Number(r.must_change_password) === 1,
      units: text(r.units).split(',').filter(Boolean),
      provinces: text(r.provinces).split(',').filter(Boolean),
    }));
  }),

  create: adminOnly
    .input(
      z.object({
        username: z
          .string()
          .trim()
          .toLowerCase()
          .regex(
            /^[a-z0-9._-]{3,40}$/,
            'Tên đăng nhập 3–40 ký tự: chữ không dấu, số, dấu chấm, gạch.',
          ),
        displayName: z.string().trim().min(1).max(100),
        role: z.enum(USER_ROLES),
        units: z.array(z.string()).default([]),
        provinces: z.array(z.string().trim().min(1)).default([]),
        email,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await checkScopes(ctx, input.units, input.role === 'reviewer' ? input.provinces : []);
      const exists =
        (
          await ctx.db.execute({
            sql: 'SELECT 1 FROM users WHERE username = ?',
            args: [input.username],
          })
        ).rows.length > 0;
      if (exists)
        throw new TRPCError({ code: 'CONFLICT', message: `Đã có người dùng "${input.username}".` });
      const password = generatePassword();
      const id = await createUser(ctx.db, {
        ...input,
        passwordHash: await unlessBusy(ctx, hashPassword(password)),
        provinces: input.role === 'reviewer' ? input.provinces : [],
      });
      await markOneTime(ctx.db, id, nowOf(ctx));
      if (input.email)
        await ctx.db.execute({
          sql: 'UPDATE users SET email = ? WHERE id = ?',
          args: [input.email, id],
        });
      await audit(ctx.db, ctx.user.id, 'user_create', input.username, {
        role: input.role,
        units: input.units,
        provinces: input.provinces,
      });
      // Shown once to the admin, who hands it over; it is not stored in clear anywhere.
      return { password };
    }),

  /** What a user works on (units; provinces for reviewers) and where their notifications are e-mailed. */
  update: adminOnly
    .input(
      z.object({
        id: z.number().int(),
        units: z.array(z.string().max(200)).max(5000),
        provinces: z.array(z.string().trim().min(1).max(100)).max(100).default([]),
        email,
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const row = (
        await ctx.db.execute({
          sql: 'SELECT username, role FROM users WHERE id = ?',
          args: [input.id],
        })
      ).rows[0];
      if (!row) throw new TRPCError({ code: 'NOT_FOUND', message: 'Không có người dùng này.' });
      const provinces = text(row.role) === 'reviewer' ? input.provinces : [];
      await checkScopes(ctx, input.units, provinces);
      await ctx.db.batch(
        [
          { sql: 'DELETE FROM user_scopes WHERE user_id = ?', args: [input.id] },
          ...input.units.map((u) => ({
            sql: 'INSERT INTO user_scopes (user_id, unit_id) VALUES (?, ?)',
            args: [input.id, u],
          })),
          ...provinces.map((p) => ({
            sql: 'INSERT INTO user_scopes (user_id, province) VALUES (?, ?)',
            args: [input.id, p],
          })),
          ...(input.email === undefined
            ? []
            : [
                {
                  sql: 'UPDATE users SET email = ? WHERE id = ?',
                  args: [input.email || null, input.id],
                },
              ]),
        ],
        'write',
      );
      await audit(ctx.db, ctx.user.id, 'user_update', text(row.username), {
        units: input.units,
        provinces,
        ...(input.email === undefined ? {} : { email: input.email }),
      });
      return true;
    }),

  /** A new one-time password for a user who forgot theirs: shown once, every session of theirs ended. */
  resetPassword: adminOnly
    .input(z.object({ id: z.number().int() }))
    .mutation(async ({ ctx, input }) => {
      if (input.id === ctx.user.id)
        throw new TRPCError({
          code: 'BAD_REQUEST',
          message: 'Hãy đổi mật khẩu của chính mình ở mục Đổi mật khẩu.',
        });
      const row = (
        await ctx.db.execute({
          sql: 'SELECT username FROM users WHERE id = ? AND disabled = 0',
          args: [input.id],
        })
      ).rows[0];
      if (!row)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: 'Không có người dùng này, hoặc tài khoản đã bị khóa.',
        });
      const username = text(row.username);
      const password = await unlessBusy(ctx, resetPassword(ctx, input.id, username));
      await audit(ctx.db, ctx.user.id, 'password_reset', username);
      return { username, password };
    }),

  disable: adminOnly.input(z.object({ id: z.number().int() })).mutation(async ({ ctx, input }) => {
    if (input.id === ctx.user.id)
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: 'Không thể tự khóa tài khoản của mình.',
      });
    await ctx.db.execute({ sql: 'UPDATE users SET disabled = 1 WHERE id = ?', args: [input.id] });
    await ctx.db.execute({ sql: 'DELETE FROM sessions WHERE user_id = ?', args: [input.id] });
    await audit(ctx.db, ctx.user.id, 'user_disable', String(input.id));
    return true;
  }),
});
