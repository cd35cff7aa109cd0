/**
 * Auth.js (next-auth v5): credentials sign-in (and an optional OIDC provider), JWT sessions
 * carrying the user id and the user's session version (lib/auth/session.ts refuses a token whose
 * version is no longer the user's: sign-out, password, role and deactivation changes revoke).
 * Password sign-in is throttled per account and per IP (sign-in-throttle.ts). The config is
 * built lazily so `next build` needs no secrets.
 */
import { eq } from "drizzle-orm";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users } from "@/db/schema";
import { revokeUserSessions } from "@/lib/domain/users/revoke-sessions";
import { serverEnv } from "@/lib/infra/env";
import { isUuid } from "@/lib/infra/ids";
import { accountTag, log, securityEvent } from "@/lib/infra/log";
import { safeRedirect } from "./callback-url";
import { clientIp } from "./client-ip";
import { signInSchema } from "./credentials";
import { appLimits } from "./limits";
import { passwordSignIn } from "./password-sign-in";

declare module "next-auth" {
  interface Session {
    /** The role is not in the token: it is read from the database on every request. */
    user: { id: string; name: string; email: string; sessionVersion: number };
  }
}

/** Too many failures: the account (or the IP) is locked for a while, whatever the password. */
export class SignInLocked extends CredentialsSignin {
  override code = "locked";
}

async function authorizePassword(raw: unknown, request: Request) {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return null;
  const result = await passwordSignIn({
    db: await getDb(),
    throttle: (await appLimits()).signIn,
    ip: clientIp(request.headers),
    input: parsed.data,
  });
  if (result.ok) return { id: result.user.id, name: result.user.name, email: result.user.email };
  if (result.locked) throw new SignInLocked();
  return null;
}

function buildConfig(): NextAuthConfig {
  const env = serverEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      authorize: (raw, request) => authorizePassword(raw, request),
    }),
  ];
  if (env.oidc) {
    providers.push({
      id: "oidc",
      name: env.oidc.name,
      type: "oidc",
      issuer: env.oidc.issuer,
      clientId: env.oidc.clientId,
      clientSecret: env.oidc.clientSecret,
    });
  }
  return {
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    // One line per problem, never a stack: a wrong password is an expected outcome shown on the
    // form (logged as a security event above), a forged or stale cookie a refused session.
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin) return;
        const type = (error as { type?: string }).type ?? error.name;
        log.warn("auth.error", { type });
      },
      warn(code) {
        log.warn("auth.warning", { code });
      },
      debug() {},
    },
    providers,
    callbacks: {
      // OIDC is invite-only: the email must belong to an active Accord user.
      async signIn({ user, account }) {
        if (account?.provider === "credentials") return true;
        if (!user.email) return false;
        const db = await getDb();
        const [row] = await db
          .select()
          .from(users)
          .where(eq(users.email, user.email.toLowerCase()));
        if (row?.active) securityEvent("signin.succeeded", { userId: row.id, provider: "oidc" });
        else securityEvent("signin.failed", { account: accountTag(user.email), provider: "oidc" });
        return Boolean(row?.active);
      },
      async jwt({ token, user, account }) {
        if (user && account) {
          const db = await getDb();
          const where =
            account.provider === "credentials"
              ? eq(users.id, user.id!)
              : eq(users.email, (user.email ?? "").toLowerCase());
          const [row] = await db.select().from(users).where(where);
          if (row) {
            token.uid = row.id;
            token.sv = row.sessionVersion;
            token.name = row.name;
            token.email = row.email;
          }
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.uid as string;
        session.user.sessionVersion = token.sv as number;
        return session;
      },
      redirect: ({ url, baseUrl }) => safeRedirect(url, baseUrl),
    },
    events: {
      // Signing out ends the session everywhere: the cookie is gone and its token refused.
      async signOut(message) {
        const uid = "token" in message ? message.token?.uid : undefined;
        if (typeof uid !== "string" || !isUuid(uid)) return;
        await revokeUserSessions(await getDb(), uid);
        securityEvent("session.revoked", { userId: uid, reason: "sign-out" });
      },
    },
  };
}

const nextAuth = NextAuth(() => buildConfig());

export const { handlers, signIn, signOut } = nextAuth;
/** Cached per request: many server components may ask. */
export const auth = cache(nextAuth.auth);

export function oidcProviderName(): string | null {
  return serverEnv().oidc?.name ?? null;
}
