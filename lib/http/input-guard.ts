/**
 * Input PostgreSQL cannot store, refused at the door with the place it was found rather than
 * failing deep in a query as a 500: the NUL character (U+0000) or a lone surrogate in any string
 * of a query string, a path parameter or a JSON body, and a JSON body that is just `null`.
 * The items of a batch are left to the use case, which refuses a bad item by its index and keeps
 * the others (`Contract.batchItems`).
 */
import { AppError } from "@/lib/shared/errors";
import { UNSTORABLE_MESSAGE, unstorablePath } from "@/lib/shared/storable-text";

/** The path (`events.3.name`, `q`) of the first string holding a NUL or lone surrogate, or null. */
export const nulPath = (value: unknown) => unstorablePath(value);

export function refuseNul(value: unknown, where: string, skipKey?: string): void {
  const checked =
    skipKey && value && typeof value === "object" && !Array.isArray(value)
      ? Object.fromEntries(
          Object.entries(value).filter(([k, v]) => k !== skipKey || !Array.isArray(v)),
        )
      : value;
  const path = nulPath(checked);
  if (path)
    throw new AppError("validation_failed", `The ${where} is not valid: ${UNSTORABLE_MESSAGE}`, {
      [path]: [UNSTORABLE_MESSAGE],
    });
}

export function refuseNullBody(body: unknown, optional: boolean | undefined): unknown {
  if (body !== null) return body;
  if (optional) return undefined;
  throw new AppError("validation_failed", "The request body is not valid: null is not accepted.", {
    "(body)": ["Send a JSON object (or array), not null."],
  });
}
