/** PostgreSQL error codes (SQLSTATE) the app answers rather than treating as a server fault. */
export const UNIQUE_VIOLATION = "23505";

/** The SQLSTATE of a database error (drizzle wraps the driver's error as `cause`). */
export function pgCode(error: unknown): string | undefined {
  if (!error || typeof error !== "object") return undefined;
  return (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
}
