/** The database itself: every command migrates first, so db:migrate only has to say so. */
import { parseArgs } from "node:util";
import { isDatabaseEmpty, seedDemoData } from "@/lib/demo/seed";
import { CliError, type Command } from "./command";

const noFlags = (args: string[]) => {
  parseArgs({ args, options: {}, strict: true });
};

export const dbCommands: Record<string, Command<void>> = {
  "db:migrate": {
    summary: "Apply pending database migrations",
    usage: "db:migrate",
    parse: noFlags,
    async run() {
      console.log("Migrations applied.");
    },
  },
  "db:seed": {
    summary: "Load the demo data into an empty database",
    usage: "db:seed",
    parse: noFlags,
    async run(_input, db) {
      if (!(await isDatabaseEmpty(db))) {
        throw new CliError(
          "The database already has users; demo data is only loaded into an empty database.",
        );
      }
      const summary = await seedDemoData(db, { onProgress: (m) => console.log(`  ${m}`) });
      console.log(
        `Seeded ${summary.users} users, ${summary.leads} leads and ${summary.events} events in ${summary.ms} ms.`,
      );
    },
  },
};
