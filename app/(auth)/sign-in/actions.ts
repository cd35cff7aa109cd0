"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { signIn } from "@/lib/auth/config";
import { signInSchema } from "@/lib/auth/credentials";
import { limitsEnv } from "@/lib/infra/env";

export type SignInState = {
  error?: "invalid" | "fields" | "locked";
  fields?: Partial<Record<"email" | "password", true>>;
  email?: string;
  /** How long a lock lasts, for the message. */
  lockMinutes?: number;
};

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInSchema.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) {
    const fields: SignInState["fields"] = {};
    for (const issue of parsed.error.issues) fields[issue.path[0] as "email" | "password"] = true;
    return { error: "fields", fields, email };
  }
  try {
    await signIn("credentials", {
      ...parsed.data,
      redirectTo: safeCallbackPath(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "locked")
      return {
        error: "locked",
        email,
        lockMinutes: Math.round(limitsEnv().signIn.lockSeconds / 60),
      };
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error; // the success redirect travels as an exception
  }
  return {};
}

export async function signInWithOidcAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeCallbackPath(formData.get("callbackUrl")) });
}
