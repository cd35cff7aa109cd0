"use server";

import { AuthError } from "next-auth";
import { getDb } from "@/db/client";
import { signIn } from "@/lib/auth/config";
import { acceptInvitation, type InvitationProblem } from "@/lib/domain/users/invitations";

export type AcceptInviteState = {
  error?: InvitationProblem | "password" | "mismatch" | "signIn";
  /** The password rule broken, in English (the form shows its own translated text). */
  message?: string;
};

/** Sets the invitee's password, spends the link, and signs them in. */
export async function acceptInviteAction(
  _prev: AcceptInviteState,
  formData: FormData,
): Promise<AcceptInviteState> {
  const token = String(formData.get("token") ?? "");
  const password = String(formData.get("password") ?? "");
  if (password !== String(formData.get("confirm") ?? "")) return { error: "mismatch" };
  const result = await acceptInvitation({ db: await getDb(), token, password });
  if (!result.ok) return { error: result.reason, message: result.message };
  try {
    await signIn("credentials", { email: result.email, password, redirectTo: "/" });
  } catch (error) {
    if (error instanceof AuthError) return { error: "signIn" };
    throw error; // the success redirect travels as an exception
  }
  return {};
}
