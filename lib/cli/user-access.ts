/**
 * Changing who may do what, from the command line: a user's role, password, or whether they may
 * sign in at all. Each change ends the user's sessions at once (revokeUserSessions) and is audited.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { ROLES, auditLog, users, type User } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
import { revokeUserSessions } from "@/lib/domain/users/revoke-sessions";
import { CliError, oneLine, type Command } from "./command";

const email = z.string().trim().toLowerCase().email("--email must be an email address");

function parse<S extends z.ZodType>(schema: S, args: string[], options: string[]): z.output<S> {
  const { values } = parseArgs({
    args,
    options: Object.fromEntries(options.map((o) => [o, { type: "string" as const }])),
    strict: true,
  });
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw new CliError(oneLine(parsed.error.issues.map((i) => i.message)));
  return parsed.data;
}

/** Applies `changes` to the user with this email, ends their sessions and audits it, in one transaction. */
async function changeUser(
  db: Db,
  address: string,
  action: string,
  changes: (user: User) => Promise<Partial<User>> | Partial<User>,
  auditData: (user: User) => Record<string, unknown>,
): Promise<User> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.email, address)).for("update");
    if (!user) throw new CliError(`No user with email ${address}.`);
    const patch = await changes(user);
    if (Object.keys(patch).length) await tx.update(users).set(patch).where(eq(users.id, user.id));
    await revokeUserSessions(tx, user.id);
    await tx.insert(auditLog).values({
      actorType: "system",
      actorId: "cli",
      action,
      targetType: "user",
      targetId: user.id,
      data: auditData(user),
    });
    return user;
  });
}

const roleSchema = z.object({
  email,
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
});
const passwordSchema = z.object({
  email,
  password: z.string().min(8, "--password must be at least 8 characters").max(200),
});
const emailOnly = z.object({ email });

export const userAccessCommands = {
  "users:set-role": {
    summary: "Change a user's role (their sessions end: they sign in again)",
    usage: `users:set-role --email EMAIL --role ${ROLES.join("|")}`,
    parse: (args) => parse(roleSchema, args, ["email", "role"]),
    async run(input, db) {
      await changeUser(
        db,
        input.email,
        "user.role_changed",
        () => ({ role: input.role }),
        (u) => ({ role: { from: u.role, to: input.role } }),
      );
      console.log(`${input.email} is now ${input.role}; their sessions were ended.`);
    },
  } satisfies Command<z.output<typeof roleSchema>>,
  "users:set-password": {
    summary: "Set a user's password (their sessions end: they sign in again)",
    usage: "users:set-password --email EMAIL --password PASSWORD",
    parse: (args) => parse(passwordSchema, args, ["email", "password"]),
    async run(input, db) {
      const passwordHash = await hashPassword(input.password);
      await changeUser(
        db,
        input.email,
        "user.password_changed",
        () => ({ passwordHash }),
        () => ({}),
      );
      console.log(`Password of ${input.email} changed; their sessions were ended.`);
    },
  } satisfies Command<z.output<typeof passwordSchema>>,
  "users:deactivate": {
    summary: "Stop a user from signing in (their sessions end at once)",
    usage: "users:deactivate --email EMAIL",
    parse: (args) => parse(emailOnly, args, ["email"]),
    async run(input, db) {
      await changeUser(
        db,
        input.email,
        "user.deactivated",
        () => ({ active: false }),
        () => ({}),
      );
      console.log(`${input.email} is deactivated; their sessions were ended.`);
    },
  } satisfies Command<z.output<typeof emailOnly>>,
  "users:sign-out": {
    summary: "End every session of a user (e.g. a lost laptop)",
    usage: "users:sign-out --email EMAIL",
    parse: (args) => parse(emailOnly, args, ["email"]),
    async run(input, db) {
      await changeUser(
        db,
        input.email,
        "user.sessions_revoked",
        () => ({}),
        () => ({}),
      );
      console.log(`Every session of ${input.email} was ended.`);
    },
  } satisfies Command<z.output<typeof emailOnly>>,
};
