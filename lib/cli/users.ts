/** Users who sign in with a password (OIDC users are created on their first sign-in). */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { ROLES, auditLog, teams, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/credentials";
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
      const [existing] = await db
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, input.email));
      if (existing) throw new CliError(`A user with email ${input.email} already exists.`);
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
      const [user] = await db
        .insert(users)
        .values({
          email: input.email,
          name: input.name,
          role: input.role,
          passwordHash: await hashPassword(input.password),
          teamId,
          timeZone: input["time-zone"],
          ...(input.capacity !== undefined ? { capacity: input.capacity } : {}),
        })
        .returning({ id: users.id });
      await db.insert(auditLog).values({
        actorType: "system",
        actorId: "cli",
        action: "user.created",
        targetType: "user",
        targetId: user.id,
        data: { email: input.email, role: input.role },
      });
      console.log(`Created ${input.role} ${input.email} (${user.id}).`);
    },
  },
};
