/**
 * Prints the imported Olist funnel as Accord's reports read it (monthly cohorts, won rate by
 * origin, median days to win), to compare with the data set's README:
 * `npm run olist:check -- [--data-dir PATH]`.
 */
import { parseArgs } from "node:util";
import { olistFunnel, type FunnelRow } from "../lib/demo/olist/olist-funnel";
import { openOlistDb } from "./olist-db";

const line = (r: FunnelRow) =>
  `  ${r.key.padEnd(18)} ${String(r.mqls).padStart(5)} MQLs ${String(r.won).padStart(4)} won ${r.rate.toFixed(1).padStart(5)}%`;

async function main(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { "data-dir": { type: "string" } },
    strict: true,
  });
  const { handle, where } = await openOlistDb(values["data-dir"], "the Olist check");
  try {
    const f = await olistFunnel(handle.db);
    if (!f.overall.mqls) {
      console.error(`No Olist leads in ${where}; run npm run import:olist first.`);
      return 1;
    }
    console.log(`Olist funnel in ${where}`);
    console.log(
      `Overall: ${f.overall.mqls} MQL handoffs, ${f.overall.won} won (${f.overall.rate.toFixed(1)}%); ${f.overall.customers} leads at stage customer; median ${f.overall.medianDays?.toFixed(1)} days MQL → won.`,
    );
    console.log(`Won outcomes recorded since ${f.trackingSince?.toISOString() ?? "never"}.`);
    console.log("By monthly cohort (first contact):");
    f.cohorts.forEach((r) => console.log(line(r)));
    console.log("Won rate by origin, all cohorts:");
    f.byOrigin.forEach((r) => console.log(line(r)));
    console.log("Won rate by origin, cohorts from the month deal tracking started:");
    f.byOriginTracked.forEach((r) => console.log(line(r)));
    console.warn(
      "Warning: deal tracking only starts in December 2017; cohorts before it look far worse than they were.",
    );
    return 0;
  } finally {
    await handle.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
