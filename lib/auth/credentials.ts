import bcrypt from "bcryptjs";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().email("Enter a valid email address."),
  password: z.string().min(1, "Enter your password.").max(200),
});

export type SignInInput = z.infer<typeof signInSchema>;

// Compared against when the email is unknown, so timing does not reveal which accounts exist.
const DUMMY_HASH = "$2b$10$CwTycUXWue0Thq9StjUM0uJ8DPLKXt1FYlwYpQW2G3cAwjKoh7WCa";

/** The active user with these credentials, or null. */
export async function verifyCredentials(db: Db, input: SignInInput) {
  const [user] = await db.select().from(users).where(eq(users.email, input.email)).limit(1);
  const ok = await bcrypt.compare(input.password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !user.passwordHash || !ok || !user.active) return null;
  return user;
}

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, 10);
}
