/**
 * How every report route runs and answers: in a report snapshot, `{ data }` as JSON (through the
 * contract's typed `reply`), or with `format=csv` the CSV as an attachment named after the route
 * (accord-<last path segment>.csv); always with a Server-Timing header.
 */
import type { z } from "zod";
import { getDb, type Queryable } from "@/db/client";
import { toCsv, type Cell } from "@/lib/domain/reports/csv";
import { toReportQuery, type ReportQueryInput } from "@/lib/domain/reports/query-schema";
import { getReportSettings } from "@/lib/domain/reports/settings";
import { reportSnapshot } from "@/lib/domain/reports/snapshot";
import type { ReportQuery } from "@/lib/domain/reports/types";
import { appNow } from "@/lib/infra/clock";
import type { OutcomeTarget } from "@/lib/shared/vocabulary";
import type { Contract, Wire } from "./contract";
import { withApi, type RouteHandler } from "./with-api";

/** A report's contract: a query with the report filters and `format`, and `{ data }` for 200. */
type ReportContract = Contract & {
  query: z.ZodObject & z.ZodType<ReportQueryInput>;
  responses: { 200: { schema: z.ZodType<{ data: unknown }> } };
};

/** The report the contract's 200 answer carries, as the handler may give it (Dates for strings). */
type ReportOf<C extends ReportContract> =
  Wire<z.input<C["responses"][200]["schema"]>> extends { data: infer D } ? D : never;

/**
 * The route of a report: `run` computes it in a report snapshot (one repeatable-read, read-only
 * transaction) from the validated query; `csv` lays it out as rows for `format=csv`.
 */
export function reportRoute<const C extends ReportContract, R extends ReportOf<C>>(
  contract: C,
  run: (db: Queryable, query: z.output<C["query"]>, now: Date) => Promise<R>,
  csv: (report: R) => Cell[][],
): RouteHandler {
  const name = contract.path.split("/").pop();
  return withApi(contract, async ({ query, reply }) => {
    const started = performance.now();
    const q = query as z.output<C["query"]>;
    const report = await reportSnapshot(await getDb(), (db) => run(db, q, appNow()));
    const headers = { "Server-Timing": `report;dur=${(performance.now() - started).toFixed(1)}` };
    if (q.format === "csv")
      return new Response(toCsv(csv(report)), {
        headers: {
          ...headers,
          "Content-Type": "text/csv; charset=utf-8",
          "Content-Disposition": `attachment; filename="accord-${name}.csv"`,
        },
      });
    // R extends the contract's report (checked where the route is declared), which TypeScript
    // cannot see through `reply`'s generic status here.
    const answer = reply as (
      status: 200,
      body: { data: R },
      init: { headers: HeadersInit },
    ) => Response;
    return answer(200, { data: report }, { headers });
  });
}

/**
 * The route of a report for one outcome target (calibration, rule lift): the target in the query,
 * else the report settings' stage.
 */
export function targetReportRoute<
  const C extends ReportContract & { query: z.ZodType<{ target?: OutcomeTarget }> },
  R extends ReportOf<C>,
>(
  contract: C,
  report: (db: Queryable, query: ReportQuery, target: OutcomeTarget, now: Date) => Promise<R>,
  csv: (report: R) => Cell[][],
): RouteHandler {
  return reportRoute(
    contract,
    async (db, query, now) => {
      const target = query.target ?? (await getReportSettings(db)).targetStage;
      return report(db, toReportQuery(query), target, now);
    },
    csv,
  );
}
