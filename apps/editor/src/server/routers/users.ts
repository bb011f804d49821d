/** Users (admin only): who may write or review which units. */
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { generatePassword, hashPassword } from '../password.ts';
import { audit, createUser, text } from '../store.ts';
import { adminOnly, router } from '../trpc.ts';

export const usersRouter = router({
  list: adminOnly.query(async ({ ctx }) => {
    const rows = (
      await ctx.db.execute(`SELECT u.id, u.username, u.display_name, u.role, u.disabled,
        group_concat(s.unit_id) AS units, group_concat(s.province) AS provinces
        FROM users u LEFT JOIN user_scopes s ON s.user_id = u.id GROUP BY u.id ORDER BY u.username`)
    ).rows;
    return rows.map((r) => ({
      id: Number(r.id),
      username: text(r.username),
      displayName: text(r.display_name),
      role: text(r.role),
      disabled: Number(r.disabled) === 1,
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
        role: z.enum(['admin', 'editor', 'reviewer']),
        units: z.array(z.string()).default([]),
        provinces: z.array(z.string().trim().min(1)).default([]),
      }),
    )
    .mutation(async ({ ctx, input }) => {
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
      await createUser(ctx.db, {
        ...input,
        passwordHash: await hashPassword(password),
        provinces: input.role === 'reviewer' ? input.provinces : [],
      });
      await audit(ctx.db, ctx.user.id, 'user_create', input.username, {
        role: input.role,
        units: input.units,
        provinces: input.provinces,
      });
      // Shown once to the admin, who hands it over; it is not stored in clear anywhere.
      return { password };
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
