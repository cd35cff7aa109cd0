/**
 * Ends every session of a user: sessions are JWTs carrying the user's `session_version`, and
 * lib/auth/session.ts refuses a token whose number differs from the row's. Called on sign-out
 * (which therefore signs the user out on every device), password change, role change and
 * deactivation; run it in the transaction that makes the change.
 */
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users } from "@/db/schema";

export async function revokeUserSessions(db: Queryable, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId));
}
