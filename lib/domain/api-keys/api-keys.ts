/**
 * API keys: `acc_<prefix>_<secret>`. The prefix finds the key; only a SHA-256 of the whole key
 * is stored (the secret is random, so a slow hash adds nothing) and compared in constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { apiKeys, auditLog, users } from "@/db/schema";
import { API_SCOPES, type ApiScope } from "@/lib/auth/scopes";

export const createApiKeySchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Name the key (e.g. the system that will use it).")
    .max(100, "Keep the name under 100 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, { message: `Scopes are ${API_SCOPES.join(", ")}.` }))
    .min(1, "Choose at least one scope.")
    .transform((s) => [...new Set(s)]),
});

export type KeyPrincipal = { id: string; name: string; scopes: ApiScope[] };

const hash = (key: string) => createHash("sha256").update(key).digest("hex");

export async function createApiKey(
  db: Db,
  input: z.output<typeof createApiKeySchema>,
  createdBy: string | null,
): Promise<{ id: string; secret: string; prefix: string }> {
  const prefix = randomBytes(6).toString("hex");
  const secret = `acc_${prefix}_${randomBytes(24).toString("base64url")}`;
  const [row] = await db
    .insert(apiKeys)
    .values({ name: input.name, prefix, secretHash: hash(secret), scopes: input.scopes, createdBy })
    .returning({ id: apiKeys.id });
  await db.insert(auditLog).values({
    actorType: createdBy ? "user" : "system",
    actorId: createdBy ?? "cli",
    action: "api_key.created",
    targetType: "api_key",
    targetId: row.id,
    data: { name: input.name, scopes: input.scopes },
  });
  return { id: row.id, secret, prefix };
}

/** The active key this secret belongs to, or null. Records when the key was last used (at most once a minute). */
export async function verifyApiKey(db: Db, secret: string): Promise<KeyPrincipal | null> {
  const match = /^acc_([0-9a-f]{12})_[A-Za-z0-9_-]{20,}$/.exec(secret);
  if (!match) return null;
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.prefix, match[1]), isNull(apiKeys.revokedAt)))
    .limit(1);
  if (!row) return null;
  const expected = Buffer.from(row.secretHash, "hex");
  const actual = Buffer.from(hash(secret), "hex");
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db
      .update(apiKeys)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(apiKeys.id, row.id));
  }
  return {
    id: row.id,
    name: row.name,
    scopes: row.scopes.filter((s): s is ApiScope => (API_SCOPES as readonly string[]).includes(s)),
  };
}

export async function listApiKeys(db: Db) {
  return db
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
      createdBy: users.name,
    })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .orderBy(sql`${apiKeys.revokedAt} is not null`, desc(apiKeys.createdAt));
}

export async function revokeApiKey(db: Db, id: string, by: string): Promise<boolean> {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  if (rows.length) {
    await db.insert(auditLog).values({
      actorType: "user",
      actorId: by,
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: id,
    });
  }
  return rows.length > 0;
}
