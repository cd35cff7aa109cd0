/** How every report route answers: `{ data }` as JSON, or CSV as an attachment; with Server-Timing. */
import { toCsv, type Cell } from "@/lib/reports/csv";

export function reportResponse<R>(
  name: string,
  started: number,
  report: R,
  format: "json" | "csv",
  csv: (r: R) => Cell[][],
): Response {
  const timing = { "Server-Timing": `report;dur=${(performance.now() - started).toFixed(1)}` };
  if (format === "csv") {
    return new Response(toCsv(csv(report)), {
      headers: {
        ...timing,
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="accord-${name}.csv"`,
      },
    });
  }
  return Response.json({ data: report }, { headers: timing });
}
