/**
 * Operator commands: `npm run cli -- <command> [--flag value …]`.
 * Works on both databases. On the embedded default only one process may open the database, so
 * while the server runs the CLI refuses with a clear message instead of touching the files.
 */
import { parseArgs } from "node:util";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { defaultOpenOptions, openDb, type DbHandle } from "../db/client";
import { EmbeddedDbBusyError } from "../db/embedded-lock";
import { migrateDb } from "../db/migrate";
import { ROLES, auditLog, teams, users } from "../db/schema";
import { isDatabaseEmpty, seedDemoData } from "../lib/demo/seed";
import { createApiKey, createApiKeySchema } from "../lib/domain/api-keys/api-keys";
import { hashPassword } from "../lib/auth/credentials";
import { OUTCOME_TARGETS, type OutcomeTarget } from "../lib/shared/vocabulary";
import { scorePredictions } from "../lib/domain/predict/score";
import { trainPredictiveModel } from "../lib/domain/predict/train";
import { thresholdRecommendation } from "../lib/domain/thresholds/backtest";
import { ConfigError } from "../lib/infra/env";

type Command = {
  summary: string;
  usage: string;
  run: (args: string[], handle: DbHandle) => Promise<void>;
};

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

const COMMANDS: Record<string, Command> = {
  "db:migrate": {
    summary: "Apply pending database migrations",
    usage: "db:migrate",
    async run(_args, handle) {
      await migrateDb(handle);
      console.log("Migrations applied.");
    },
  },
  "db:seed": {
    summary: "Load the demo data into an empty database",
    usage: "db:seed",
    async run(_args, handle) {
      await migrateDb(handle);
      if (!(await isDatabaseEmpty(handle.db))) {
        throw new CliError(
          "The database already has users; demo data is only loaded into an empty database.",
        );
      }
      const summary = await seedDemoData(handle.db, { onProgress: (m) => console.log(`  ${m}`) });
      console.log(
        `Seeded ${summary.users} users, ${summary.leads} leads and ${summary.events} events in ${summary.ms} ms.`,
      );
    },
  },
  "api-keys:create": {
    summary: "Create an API key (the secret is printed once)",
    usage:
      "api-keys:create --name NAME --scopes events:write,leads:read,leads:write,model:read,model:write",
    async run(args, handle) {
      const { values } = parseArgs({
        args,
        options: { name: { type: "string" }, scopes: { type: "string" } },
        strict: true,
      });
      const parsed = createApiKeySchema.safeParse({
        name: values.name ?? "",
        scopes: (values.scopes ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      });
      if (!parsed.success)
        throw new CliError(
          parsed.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join("\n"),
        );
      const key = await createApiKey(handle.db, parsed.data, null);
      console.log(
        `Created API key "${parsed.data.name}" with scopes ${parsed.data.scopes.join(", ")}.`,
      );
      console.log("Secret (shown once, store it now):");
      console.log(key.secret);
    },
  },
  "predictive:train": {
    summary:
      "Train the predictive score now, score the open leads, and print the threshold assistant's recommendation",
    usage:
      "predictive:train [--target accepted|qualified|opportunity|won] [--rate 0.3] [--capacity N]",
    async run(args, handle) {
      const { values } = parseArgs({
        args,
        options: {
          target: { type: "string" },
          rate: { type: "string" },
          capacity: { type: "string" },
        },
        strict: true,
      });
      if (values.target && !(OUTCOME_TARGETS as readonly string[]).includes(values.target))
        throw new CliError(`--target must be one of ${OUTCOME_TARGETS.join(", ")}`);
      const rate = values.rate === undefined ? undefined : Number(values.rate);
      if (rate !== undefined && !(rate > 0 && rate <= 1))
        throw new CliError("--rate is a share between 0 and 1, e.g. 0.3");
      const capacity = values.capacity === undefined ? undefined : Number(values.capacity);
      if (capacity !== undefined && !(capacity > 0))
        throw new CliError("--capacity is a number of MQLs per week above 0");
      const target = values.target as OutcomeTarget | undefined;
      const now = new Date();
      const model = await trainPredictiveModel(handle.db, { now, target });
      console.log(
        `Predictive model ${model.id} (${model.status}), target ${model.target}: ${model.decided} decided handoffs, ${model.positives} converted${model.since ? `, handoffs since ${model.since.slice(0, 10)}` : ""}.`,
      );
      if (model.status === "ready") {
        console.log(
          `Cross-validated AUC ${model.auc?.toFixed(3)} (folds ${model.foldAucs.map((a) => a.toFixed(3)).join(", ")}).`,
        );
        const top = [...model.coefficients]
          .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
          .slice(0, 8);
        console.log(
          `Largest weights: ${top.map((c) => `${c.label} ${c.weight >= 0 ? "+" : ""}${c.weight.toFixed(2)}`).join("; ")}.`,
        );
        console.log(
          `Suggestions: ${model.suggestions.rules.length} rule point changes, ${model.suggestions.newRules.length} new rules (${model.suggestions.newRules.map((r) => `${r.rule.label} ${r.rule.points}`).join("; ")}).`,
        );
        const scored = await scorePredictions(handle.db, now);
        console.log(`Scored ${JSON.stringify(scored)}.`);
      }
      const rec = await thresholdRecommendation(handle.db, { now, target, rate, capacity });
      const point = (p: typeof rec.recommended) =>
        p
          ? `threshold ${p.threshold}: ${p.mqlsPerWeek.toFixed(1)} MQLs/week, rate ${p.rate === null ? "—" : (p.rate * 100).toFixed(1) + "%"} on ${p.decided} decided`
          : "none";
      console.log(
        `Threshold assistant (${rec.weeks} weeks to ${rec.windowEnd?.slice(0, 10)}, target ${(rec.targetRate * 100).toFixed(0)}% ${rec.target}, capacity ${rec.capacityPerWeek}/week, ${rec.rescored ?? 0} handoffs placed by current score): ${rec.reason}; current ${point(rec.current)}; recommended ${point(rec.recommended)}.`,
      );
    },
  },
  "users:create": {
    summary: "Create a user who signs in with a password",
    usage:
      "users:create --email EMAIL --name NAME --role admin|marketer|manager|rep --password PASSWORD [--team NAME] [--time-zone TZ] [--capacity N]",
    async run(args, handle) {
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
      if (!parsed.success) throw new CliError(parsed.error.issues.map((i) => i.message).join("\n"));
      const input = parsed.data;
      const db = handle.db;
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

class CliError extends Error {}

function help(): string {
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(14)} ${c.summary}\n      npm run cli -- ${c.usage}`,
  );
  return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${lines.join("\n")}`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 1;
  }
  let handle: DbHandle | undefined;
  try {
    handle = await openDb(defaultOpenOptions("the Accord CLI"));
    await command.run(args, handle);
    return 0;
  } catch (error) {
    if (
      error instanceof CliError ||
      error instanceof ConfigError ||
      error instanceof EmbeddedDbBusyError
    ) {
      console.error(error.message);
      return 1;
    }
    if (
      error instanceof TypeError &&
      (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(`${error.message}\nUsage: npm run cli -- ${command.usage}`);
      return 1;
    }
    throw error;
  } finally {
    await handle?.close();
  }
}

main(process.argv.slice(2)).then((code) => process.exit(code));
