/**
 * Ends every session a user holds, so a new role or a deactivation applies to browsers already
 * signed in. Called inside the transaction that changes the user.
 */
import type { Queryable } from "@/db/client";

// TODO(lead): wire to the per-user `sessionVersion` column (bump it here) when the sessions work
// is merged. Until then a demoted or deactivated user is still refused on the next request,
// because lib/auth/session.ts reads the role and the active flag from the database every time.
export async function revokeUserSessions(_db: Queryable, _userId: string): Promise<void> {}
