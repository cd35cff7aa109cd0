/**
 * Retries a transaction that PostgreSQL aborted to break a deadlock or a serialization conflict —
 * and, for upserts, one that lost a race to insert the same row (unique violation): the next
 * attempt finds the row the winner committed and updates it instead.
 */
import { pgCode, UNIQUE_VIOLATION } from "@/db/pg-errors";

const CONFLICTS = ["40P01", "40001"];

export async function withTxRetry<T>(
  run: () => Promise<T>,
  attempts = 4,
  { uniqueViolation = false }: { uniqueViolation?: boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (error) {
      const code = pgCode(error);
      const retryable =
        CONFLICTS.includes(code ?? "") || (uniqueViolation && code === UNIQUE_VIOLATION);
      if (attempt >= attempts || !retryable) throw error;
      await new Promise((r) => setTimeout(r, 10 * attempt + Math.random() * 20));
    }
  }
}
