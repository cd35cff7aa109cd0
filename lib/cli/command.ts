import type { Db } from "@/db/client";

/** An operator's mistake or a refusal: the runner prints the message alone, without a stack. */
export class CliError extends Error {
  override name = "CliError";
}

export type Command<Input> = {
  summary: string;
  usage: string;
  /** Reads the flags before the database is opened, so a typo never waits for it (or its lock). */
  parse(args: string[]): Input;
  /** Runs on a migrated database. */
  run(input: Input, db: Db): Promise<void>;
};

/** Every problem with the flags at once, on the one line an expected error gets. */
export function oneLine(messages: string[]): string {
  return [...new Set(messages)].join("; ");
}
