import { describe, expect, it } from "vitest";
import { routeMqls, type Rep, type TeamState } from "./round-robin";

const rep = (id: string, over: Partial<Rep> = {}): Rep => ({
  id,
  capacity: 10_000,
  open: 0,
  available: true,
  ...over,
});
const territories = new Map([
  ["FR", "emea"],
  ["DE", "emea"],
  ["US", "amer"],
]);
const teams = (emea: Rep[], amer: Rep[] = [rep("a1")]) =>
  new Map<string, TeamState>([
    ["emea", { id: "emea", cursor: 0, reps: emea }],
    ["amer", { id: "amer", cursor: 0, reps: amer }],
  ]);
const mqls = (n: number, country = "FR") =>
  Array.from({ length: n }, (_, i) => ({ leadId: `l${i}`, country }));

describe("routing new MQLs", () => {
  it("sends each MQL to its territory's team", () => {
    const { assignments } = routeMqls(
      [
        { leadId: "x", country: "us" },
        { leadId: "y", country: "DE" },
      ],
      territories,
      teams([rep("e1")]),
    );
    expect(assignments.map((a) => [a.leadId, a.teamId, a.userId])).toEqual([
      ["x", "amer", "a1"],
      ["y", "emea", "e1"],
    ]);
  });

  it("is fair over 1,000 MQLs: every rep within one of the others", () => {
    const { assignments, cursors } = routeMqls(
      mqls(1000),
      territories,
      teams([rep("e1"), rep("e2"), rep("e3")]),
    );
    const counts = new Map<string, number>();
    for (const a of assignments) counts.set(a.userId!, (counts.get(a.userId!) ?? 0) + 1);
    const values = [...counts.values()];
    expect(values).toHaveLength(3);
    expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
    expect(cursors.get("emea")).toBe(1000 % 3 === 0 ? 3 : 1000 % 3);
  });

  it("continues the rotation from the team's cursor across batches", () => {
    const team = teams([rep("e1"), rep("e2"), rep("e3")]);
    const first = routeMqls(mqls(2), territories, team);
    const again = new Map(team);
    again.set("emea", { ...team.get("emea")!, cursor: first.cursors.get("emea")! });
    expect(routeMqls(mqls(2), territories, again).assignments.map((a) => a.userId)).toEqual([
      "e3",
      "e1",
    ]);
  });

  it("skips reps at capacity, away or inactive, and never exceeds a capacity", () => {
    const { assignments } = routeMqls(
      mqls(10),
      territories,
      teams([
        rep("e1", { capacity: 3, open: 1 }),
        rep("e2", { available: false }),
        rep("e3", { capacity: 4 }),
      ]),
    );
    const count = (id: string) => assignments.filter((a) => a.userId === id).length;
    expect(count("e1")).toBe(2);
    expect(count("e2")).toBe(0);
    expect(count("e3")).toBe(4);
    expect(assignments.filter((a) => a.userId === null).map((a) => a.reason)).toEqual([
      "team_full",
      "team_full",
      "team_full",
      "team_full",
    ]);
  });

  it("leaves an MQL unassigned when no team covers its country or it has none", () => {
    const { assignments } = routeMqls(
      [
        { leadId: "j", country: "JP" },
        { leadId: "n", country: null },
      ],
      territories,
      teams([rep("e1")]),
    );
    expect(assignments).toEqual([
      { leadId: "j", userId: null, teamId: null, reason: "no_territory" },
      { leadId: "n", userId: null, teamId: null, reason: "no_territory" },
    ]);
  });
});
