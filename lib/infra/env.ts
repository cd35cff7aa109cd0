/**
 * The only reader of process.env. Two views, validated on first use:
 * - dbEnv(): what the data layer needs (tests, CLI and server);
 * - serverEnv(): everything the web server needs, checked at start-up.
 *
 * On the embedded default (no DATABASE_URL) nothing is required: the auth secret is
 * generated once and kept under the data directory. With DATABASE_URL (a real deployment)
 * AUTH_SECRET must be given.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";

const booleanish = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((v) => ["true", "1", "yes", "on"].includes(v));

const dbSchema = z.object({
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
        .optional(),
    ),
  ACCORD_DATA_DIR: z.string().trim().min(1).default(".data"),
});

/** Rate limits (lib/auth/limits.ts); README, "Rate limits". */
const limitsSchema = z.object({
  /** Sign-in failures in a row on one account before it is locked. */
  ACCORD_SIGNIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  /** Sign-in failures from one IP (within the lock time) before that IP is locked. */
  ACCORD_SIGNIN_IP_MAX_FAILURES: z.coerce.number().int().min(1).max(100_000).default(50),
  ACCORD_SIGNIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** The first failed sign-in's delay in ms; it doubles with each failure in a row (at most 8 s). */
  ACCORD_SIGNIN_DELAY_MS: z.coerce.number().int().min(0).max(8000).default(250),
  /** Requests per API key per minute; 0 turns the limit off. */
  ACCORD_API_RATE_LIMIT: z.coerce.number().int().min(0).max(10_000_000).default(600),
});

const serverSchema = dbSchema
  .extend({
    AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    AUTH_OIDC_ISSUER: z.url("must be a URL").optional(),
    AUTH_OIDC_ID: z.string().min(1).optional(),
    AUTH_OIDC_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).default("SSO"),
    ACCORD_DEMO_DATA: booleanish.optional(),
    /** Run background jobs in this process (off: a web server only, with `npm run worker` elsewhere). */
    ACCORD_WORKER: booleanish.default(true),
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(1).max(65535, "must be a port number").default(3000),
  })
  .extend(limitsSchema.shape);

export type DbEnv = z.infer<typeof dbSchema> & { dataDir: string };
export type ServerEnv = Omit<z.infer<typeof serverSchema>, "AUTH_SECRET"> & {
  dataDir: string;
  authSecret: string;
  demoData: boolean;
  oidc: { issuer: string; clientId: string; clientSecret: string; name: string } | null;
};

export type Limits = {
  signIn: { accountFailures: number; ipFailures: number; lockSeconds: number; delayMs: number };
  /** 0: no limit. */
  apiPerMinute: number;
};

/** The rate limits' figures (checked at start-up with the rest of serverEnv). */
export function limitsEnv(): Limits {
  const env = parse(limitsSchema);
  return {
    signIn: {
      accountFailures: env.ACCORD_SIGNIN_MAX_FAILURES,
      ipFailures: env.ACCORD_SIGNIN_IP_MAX_FAILURES,
      lockSeconds: env.ACCORD_SIGNIN_LOCK_MINUTES * 60,
      delayMs: env.ACCORD_SIGNIN_DELAY_MS,
    },
    apiPerMinute: env.ACCORD_API_RATE_LIMIT,
  };
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

function explain(error: z.ZodError): string {
  const first = error.issues[0];
  const key = first.path.join(".") || "environment";
  return `Invalid configuration: ${key} ${first.message}`;
}

function parse<T extends z.ZodType>(schema: T): z.infer<T> {
  const result = schema.safeParse(process.env);
  if (!result.success) throw new ConfigError(explain(result.error));
  return result.data;
}

export function dbEnv(): DbEnv {
  const env = parse(dbSchema);
  return { ...env, dataDir: path.resolve(env.ACCORD_DATA_DIR) };
}

/** The end-to-end test clock hook (lib/infra/clock.ts): off unless ACCORD_TEST_CLOCK is set to a true value. */
export function testClockEnabled(): boolean {
  const parsed = booleanish.safeParse(process.env.ACCORD_TEST_CLOCK?.trim().toLowerCase());
  return parsed.success && parsed.data;
}

/**
 * Tests only: every API answer is checked against its contract's response schema and a mismatch
 * fails the request (lib/http/with-api.ts). Set by the e2e server and the unit tests.
 */
export function checkResponsesEnabled(): boolean {
  const parsed = booleanish.safeParse(process.env.ACCORD_CHECK_RESPONSES?.trim().toLowerCase());
  return parsed.success && parsed.data;
}

/** The OIDC provider's issuer, if any (the pages' policy lets the sign-in form post to it). */
export function oidcIssuer(): string | undefined {
  return process.env.AUTH_OIDC_ISSUER?.trim() || undefined;
}

/**
 * The salt of the privacy suppression list's hashes, when the operator keeps it outside the
 * database (ACCORD_PRIVACY_SALT, 16+ characters); null: the salt generated in the database is used.
 */
export function privacySaltFromEnv(): string | null {
  const value = process.env.ACCORD_PRIVACY_SALT?.trim();
  if (!value) return null;
  if (value.length < 16)
    throw new ConfigError(
      "Invalid configuration: ACCORD_PRIVACY_SALT must be at least 16 characters",
    );
  return value;
}

let cachedServerEnv: ServerEnv | undefined;

export function serverEnv(): ServerEnv {
  if (cachedServerEnv) return cachedServerEnv;
  const { AUTH_SECRET, ...env } = parse(serverSchema);
  const dataDir = path.resolve(env.ACCORD_DATA_DIR);
  const embedded = !env.DATABASE_URL;
  if (!embedded && !AUTH_SECRET) {
    throw new ConfigError(
      "Invalid configuration: AUTH_SECRET is required when DATABASE_URL is set (generate one with `openssl rand -base64 33`)",
    );
  }
  const oidcKeys = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_ID, env.AUTH_OIDC_SECRET];
  if (oidcKeys.some(Boolean) && !oidcKeys.every(Boolean)) {
    throw new ConfigError(
      "Invalid configuration: AUTH_OIDC_ISSUER, AUTH_OIDC_ID and AUTH_OIDC_SECRET must be set together",
    );
  }
  cachedServerEnv = {
    ...env,
    dataDir,
    authSecret: AUTH_SECRET ?? embeddedAuthSecret(dataDir),
    demoData: env.ACCORD_DEMO_DATA ?? embedded,
    oidc: env.AUTH_OIDC_ISSUER
      ? {
          issuer: env.AUTH_OIDC_ISSUER,
          clientId: env.AUTH_OIDC_ID!,
          clientSecret: env.AUTH_OIDC_SECRET!,
          name: env.AUTH_OIDC_NAME,
        }
      : null,
  };
  return cachedServerEnv;
}

/** Generated on first start and kept, so sessions survive restarts of the embedded app. */
function embeddedAuthSecret(dataDir: string): string {
  const file = path.join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(33).toString("base64");
  try {
    writeFileSync(file, secret + "\n", { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process wrote it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      return readFileSync(file, "utf8").trim();
    throw error;
  }
  return secret;
}
