/** What the user administration use cases accept, with messages an admin can act on. */
import { z } from "zod";
import { ROLES } from "@/lib/shared/vocabulary";
import { MAX_CAPACITY, timeZoneSchema } from "@/lib/domain/teams/schemas";

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

export const roleSchema = z.enum(ROLES, {
  error: "Choose a role: admin, marketer, manager or rep.",
});

export const passwordSchema = z
  .string({ error: `Choose a password of at least ${PASSWORD_MIN} characters.` })
  .min(PASSWORD_MIN, `Choose a password of at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Keep the password under ${PASSWORD_MAX} characters.`);

const capacityMessage = `Capacity is a whole number of open MQLs, from 0 to ${MAX_CAPACITY.toLocaleString("en")}.`;

export const createUserSchema = z.strictObject(
  {
    name: z
      .string({ error: "Enter the person's name." })
      .trim()
      .min(1, "Enter the person's name.")
      .max(100, "Keep the name under 100 characters."),
    email: z
      .string({ error: "Enter a work email address." })
      .trim()
      .toLowerCase()
      .max(254, "That email address is too long.")
      .email("Enter a valid email address, e.g. ana@example.com."),
    role: roleSchema,
    teamId: z.guid("Choose a team from the list.").nullable().optional(),
    timeZone: timeZoneSchema.default("UTC"),
    capacity: z
      .number({ error: capacityMessage })
      .int(capacityMessage)
      .min(0, capacityMessage)
      .max(MAX_CAPACITY, capacityMessage)
      .optional(),
    /** Without a password the user is invited: they choose one through a one-time link. */
    password: passwordSchema.optional(),
  },
  {
    error:
      "Only name, email, role, team, time zone, capacity and password can be set on a new user.",
  },
);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const acceptInvitationSchema = z.object({
  token: z.string().trim().min(1).max(200),
  password: passwordSchema,
});
