/**
 * Imports the Olist marketing funnel (CC BY-NC-SA 4.0, read from ../shared/data, never copied
 * into this repository): `npm run import:olist -- [--dir PATH] [--data-dir PATH]`.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { EmbeddedDbBusyError } from "../db/embedded-lock";
import { ConfigError } from "../lib/infra/env";
import { importOlistLeads } from "../lib/demo/olist/import-olist";
import { mapOlistCsv, type OlistLead } from "../lib/demo/olist/olist-csv";
import { openOlistDb } from "./olist-db";

const FILES = {
  mqls: {
    name: "olist_marketing_qualified_leads_dataset.csv",
    sha256: "5537753b7549ce4068e52e2402c29f2773c5375fc0575520ae8f3f301f666573",
  },
  deals: {
    name: "olist_closed_deals_dataset.csv",
    sha256: "1433f402d8fff00ca167579de641d9525f6e846368958c166f699ef1b0c31f3d",
  },
};
const DEFAULT_DIR = path.resolve(
  import.meta.dirname,
  "..",
  "..",
  "shared",
  "data",
  "olist-marketing-funnel",
);

const day = (d: Date) => d.toISOString().slice(0, 10);
function range(dates: Date[]): string {
  if (!dates.length) return "none";
  const times = dates.map((d) => d.getTime());
  return `${day(new Date(Math.min(...times)))} → ${day(new Date(Math.max(...times)))}`;
}

function readVerified(dir: string, file: { name: string; sha256: string }): string {
  const buffer = readFileSync(path.join(dir, file.name));
  const sum = createHash("sha256").update(buffer).digest("hex");
  if (sum !== file.sha256)
    console.warn(
      `Warning: ${file.name} has sha256 ${sum}, not the documented ${file.sha256}; importing it anyway.`,
    );
  return buffer.toString("utf8");
}

function printSummary(leads: OlistLead[]) {
  const won = leads.filter((l) => l.wonAt);
  const early = won.filter((l) => l.wonAt! < l.mqlAt).length;
  console.log(
    `First contacts: ${range(leads.map((l) => l.mqlAt))}; won dates: ${range(won.map((l) => l.wonAt!))}.`,
  );
  if (early)
    console.warn(
      `Warning: ${early} deal(s) won before their first-contact date; kept as in the file (handoff reports will not count them as won).`,
    );
  console.warn(
    "Warning: Olist only tracked closed deals from December 2017 on; earlier cohorts look far worse than they were. Judge win rates on cohorts from December 2017.",
  );
}

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: "string" }, "data-dir": { type: "string" } },
    strict: true,
  });
  const dir = path.resolve(values.dir ?? DEFAULT_DIR);
  const missing = Object.values(FILES).filter((f) => !existsSync(path.join(dir, f.name)));
  if (missing.length) {
    console.error(
      `The Olist data set is not in ${dir} (missing ${missing.map((f) => f.name).join(", ")}).\nPut the two Kaggle CSV files there, or pass --dir <path>.`,
    );
    return 1;
  }
  const mapping = mapOlistCsv(readVerified(dir, FILES.mqls), readVerified(dir, FILES.deals));
  for (const error of mapping.errors.slice(0, 10)) console.warn(`Skipped: ${error}`);
  if (mapping.errors.length > 10)
    console.warn(`… and ${mapping.errors.length - 10} more skipped rows.`);
  console.log(
    `Read ${mapping.leads.length} MQLs, ${mapping.leads.filter((l) => l.wonAt).length} won, from ${dir}.`,
  );

  const { handle, where } = await openOlistDb(values["data-dir"], "the Olist import");
  try {
    const started = performance.now();
    const result = await importOlistLeads(handle.db, mapping.leads);
    const ms = Math.round(performance.now() - started);
    console.log(
      `Into ${where}: ${result.leadsCreated} leads created (${result.leadsSkipped} already there), ${result.mqlTransitions} MQL and ${result.wonTransitions} won transitions, in ${ms} ms.`,
    );
    printSummary(mapping.leads);
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (
      error instanceof ConfigError ||
      error instanceof EmbeddedDbBusyError ||
      (error instanceof TypeError &&
        (error as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS"))
    ) {
      console.error(error.message);
      process.exit(1);
    }
    console.error(error);
    process.exit(1);
  },
);
