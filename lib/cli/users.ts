/** Users who sign in with a password (OIDC users are created on their first sign-in). */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, teams } from "@/db/schema";
import { createUser } from "@/lib/domain/users/create-user";
import { AppError } from "@/lib/shared/errors";
import { CliError, oneLine, type Command } from "./command";

const userSchema = z.object({
  email: z.string().trim().toLowerCase().email("--email must be an email address"),
  name: z.string().trim().min(1, "--name is required"),
  role: z.enum(ROLES, { message: `--role must be one of ${ROLES.join(", ")}` }),
  password: z.string().min(8, "--password must be at least 8 characters"),
  team: z.string().trim().min(1).optional(),
  "time-zone": z
    .string()
    .refine(
      (tz) => Intl.supportedValuesOf("timeZone").includes(tz) || tz === "UTC",
      "--time-zone must be an IANA time zone such as Europe/Paris",
    )
    .default("UTC"),
  capacity: z.coerce.number().int().min(0, "--capacity must be 0 or more").optional(),
});

export const userCommands: Record<string, Command<z.output<typeof userSchema>>> = {
  "users:create": {
    summary: "Create a user who signs in with a password",
    usage: `users:create --email EMAIL --name NAME --role ${ROLES.join("|")} --password PASSWORD [--team NAME] [--time-zone TZ] [--capacity N]`,
    parse(args) {
      const { values } = parseArgs({
        args,
        options: {
          email: { type: "string" },
          name: { type: "string" },
          role: { type: "string" },
          password: { type: "string" },
          team: { type: "string" },
          "time-zone": { type: "string" },
          capacity: { type: "string" },
        },
        strict: true,
      });
      const parsed = userSchema.safeParse(values);
      if (!parsed.success) throw new CliError(oneLine(parsed.error.issues.map((i) => i.message)));
      return parsed.data;
    },
    async run(input, db) {
      let teamId: string | null = null;
      if (input.team) {
        const [team] = await db.select().from(teams).where(eq(teams.name, input.team));
        if (!team) {
          const known = (await db.select({ name: teams.name }).from(teams)).map((t) => t.name);
          throw new CliError(
            `No team named "${input.team}". Known teams: ${known.join(", ") || "none"}.`,
          );
        }
        teamId = team.id;
      }
      const { user } = await createUser({
        db,
        actor: null,
        input: {
          email: input.email,
          name: input.name,
          role: input.role,
          password: input.password,
          teamId,
          timeZone: input["time-zone"],
          capacity: input.capacity,
        },
      }).catch((error: unknown) => {
        if (error instanceof AppError)
          throw new CliError(
            error.fields ? oneLine(Object.values(error.fields).flat()) : error.message,
          );
        throw error;
      });
      console.log(`Created ${input.role} ${input.email} (${user.id}).`);
    },
  },
};
