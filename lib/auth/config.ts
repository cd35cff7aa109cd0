/**
 * Auth.js (next-auth v5): credentials sign-in (and an optional OIDC provider), JWT sessions
 * carrying the user id and role. The config is built lazily so `next build` needs no secrets.
 */
import { eq } from "drizzle-orm";
import NextAuth, { type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { cache } from "react";
import { getDb } from "@/db/client";
import { users, type Role } from "@/db/schema";
import { serverEnv } from "@/lib/infra/env";
import { signInSchema, verifyCredentials } from "./credentials";

declare module "next-auth" {
  interface Session {
    user: { id: string; role: Role; name: string; email: string };
  }
}

function buildConfig(): NextAuthConfig {
  const env = serverEnv();
  const providers: NextAuthConfig["providers"] = [
    Credentials({
      id: "credentials",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(raw) {
        const parsed = signInSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await verifyCredentials(await getDb(), parsed.data);
        return user ? { id: user.id, name: user.name, email: user.email } : null;
      },
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
    // A wrong password is an expected outcome, shown on the form; not an error for the logs.
    logger: {
      error(error) {
        if (error.name !== "CredentialsSignin") console.error("[auth]", error);
      },
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
            token.role = row.role;
            token.name = row.name;
            token.email = row.email;
          }
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.uid as string;
        session.user.role = token.role as Role;
        return session;
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
