"use server";

import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/config";
import { signInSchema } from "@/lib/auth/credentials";

export type SignInState = {
  error?: "invalid" | "fields";
  fields?: Partial<Record<"email" | "password", true>>;
  email?: string;
};

/** Only same-site paths: an open redirect through the sign-in page is a phishing tool. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

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
      redirectTo: safeCallback(formData.get("callbackUrl")),
    });
  } catch (error) {
    if (error instanceof AuthError) return { error: "invalid", email };
    throw error; // the success redirect travels as an exception
  }
  return {};
}

export async function signInWithOidcAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeCallback(formData.get("callbackUrl")) });
}
