import { mkdirSync, writeFileSync } from "node:fs";

/** One measured figure. `ratio` says how many times worse than its floor (1 = as good as the floor). */
export type Result = {
  id: string;
  value: number;
  unit: string;
  floor: number | null;
  ratio: number | null;
  target?: string;
  ok?: boolean;
};

export function timeResult(
  id: string,
  ms: number,
  floorMs: number | null,
  target?: { maxMs?: number; maxRatio?: number },
): Result {
  const ratio = floorMs ? ms / floorMs : null;
  const ok = target
    ? (target.maxMs === undefined || ms <= target.maxMs) &&
      (target.maxRatio === undefined || ratio === null || ratio <= target.maxRatio)
    : undefined;
  const text = target
    ? [
        target.maxMs !== undefined ? `≤ ${target.maxMs} ms` : null,
        target.maxRatio !== undefined ? `≤ ${target.maxRatio}× floor` : null,
      ]
        .filter(Boolean)
        .join(", ")
    : undefined;
  return {
    id,
    value: Math.round(ms),
    unit: "ms",
    floor: floorMs === null ? null : Math.round(floorMs),
    ratio: ratio === null ? null : round(ratio),
    target: text,
    ok,
  };
}

export function rateResult(
  id: string,
  perSecond: number,
  floorPerSecond: number | null,
  minPerSecond?: number,
): Result {
  return {
    id,
    value: Math.round(perSecond),
    unit: "events/s",
    floor: floorPerSecond === null ? null : Math.round(floorPerSecond),
    ratio: floorPerSecond ? round(floorPerSecond / perSecond) : null,
    target: minPerSecond ? `≥ ${minPerSecond} events/s` : undefined,
    ok: minPerSecond ? perSecond >= minPerSecond : undefined,
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export function printAndSave(results: Result[], file = ".bench/results.json") {
  const rows = results.map((r) => [
    r.id,
    `${r.value.toLocaleString("en")} ${r.unit}`,
    r.floor === null ? "—" : `${r.floor.toLocaleString("en")} ${r.unit}`,
    r.ratio === null ? "—" : `${r.ratio}×`,
    r.target ?? "",
    r.ok === undefined ? "" : r.ok ? "ok" : "MISSED",
  ]);
  const header = ["benchmark", "value", "floor", "ratio", "target", ""];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ");
  console.log("\n" + line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  mkdirSync(".bench", { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(
      results.map(({ id, value, unit, floor, ratio }) => ({ id, value, unit, floor, ratio })),
      null,
      2,
    ) + "\n",
  );
  console.log(`\nwritten to ${file}`);
}
