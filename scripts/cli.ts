/**
 * Operator commands: `npm run cli -- <command> [--flag value …]` (lib/cli). Works on both
 * databases. On the embedded default only one process may open the database, so while the server
 * runs the CLI refuses with a clear message instead of touching the files.
 */
import { runCli } from "../lib/cli/run";

runCli(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error("Unexpected error (a bug; the details follow):", error);
    process.exit(1);
  },
);
