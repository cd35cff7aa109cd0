/**
 * `npm run cli -- <command> [--flag value …]`: finds the command, checks its flags, opens and
 * migrates the database (the same migrations the server applies at start, so a command works on
 * first use), runs it, and turns every expected failure into one line and exit code 1.
 */
import { defaultOpenOptions, openDb, type DbHandle } from "@/db/client";
import { migrateDb } from "@/db/migrate";
import { apiKeyCommands } from "./api-keys";
import type { Command } from "./command";
import { dbCommands } from "./db";
import { expectedFailure } from "./errors";
import { importCommands } from "./imports";
import { predictiveCommands } from "./predictive";
import { userAccessCommands } from "./user-access";
import { userCommands } from "./users";

// Method parameters are bivariant, so each group's Command<Input> fits Command<unknown>.
export const COMMANDS: Record<string, Command<unknown>> = {
  ...dbCommands,
  ...apiKeyCommands,
  ...predictiveCommands,
  ...importCommands,
  ...userCommands,
  ...userAccessCommands,
};

export function help(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  const lines = Object.entries(COMMANDS).map(
    ([name, c]) => `  ${name.padEnd(width)}  ${c.summary}\n      npm run cli -- ${c.usage}`,
  );
  return `Usage: npm run cli -- <command> [options]\n\nCommands:\n${lines.join("\n")}`;
}

/** Runs one command line and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === "help" || name === "--help") {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    console.error(
      `Unknown command "${name}": use one of ${Object.keys(COMMANDS).join(", ")} (npm run cli -- help).`,
    );
    return 1;
  }
  let handle: DbHandle | undefined;
  try {
    const input = command.parse(args);
    handle = await openDb(defaultOpenOptions("the Accord CLI"));
    await migrateDb(handle);
    await command.run(input, handle.db);
    return 0;
  } catch (error) {
    const line = expectedFailure(error, command.usage);
    if (line === null) throw error;
    console.error(line);
    return 1;
  } finally {
    await handle?.close();
  }
}
