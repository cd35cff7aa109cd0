/**
 * A small hand-built history for the report tests (figures worked out by hand in the tests):
 * seven handoffs across five weeks, assignments to two reps in two teams, rule-hit snapshots,
 * SLA clocks with known first-touch times, and reject / disqualify decisions. Each lead also has
 * an industry at its handoff (sometimes changed since) and "Demo Requested" events before and
 * after it, so a model scores each handoff as of its time differently from the score recorded then.
 */
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createLead, createTeam, createUser } from "@/db/factories";
import { modelVersions } from "@/db/schema";
import { scoringModelSchema } from "@/lib/domain/scoring/model";

export const NOW = new Date("2026-11-18T12:00:00Z");

export const TEST_MODEL = scoringModelSchema.parse({
  name: "reports",
  mqlThreshold: 30,
  bands: [
    { name: "cold", min: 0 },
    { name: "warm", min: 50 },
    { name: "hot", min: 80 },
  ],
  rules: [
    { id: "demo", kind: "event", label: "Demo requested", event: "Demo Requested", points: 30 },
    {
      id: "fit",
      kind: "attribute",
      label: "Software",
      field: "industry",
      op: "eq",
      value: "software",
      points: 10,
    },
    {
      id: "none",
      kind: "attribute",
      label: "Never fires",
      field: "industry",
      op: "eq",
      value: "mining",
      points: 5,
    },
    {
      id: "off",
      kind: "attribute",
      label: "Disabled",
      field: "industry",
      op: "eq",
      value: "retail",
      points: 5,
      enabled: false,
    },
  ],
});

export type Handoff = {
  source: string | null;
  mql: string;
  /** The score recorded at the handoff (by an older model: the funnel's bands and grades). */
  total: number;
  fit: number;
  /** The lead's industry at the handoff, and now when it changed since. */
  industry: string;
  industryNow?: string;
  /** When the lead requested a demo (before and after the handoff). */
  demos: string[];
  rep?: "a" | "b";
  then: [string, string][];
  hits?: string[];
  version?: number;
};

/**
 * L0 never was an MQL: an imported opportunity on 2026-08-15 (outcomes start there).
 * L7 was handed over before that (excluded from calibration and lift, outside the funnel's period).
 */
export const HANDOFFS: Record<string, Handoff> = {
  L1: {
    industry: "software",
    demos: ["2026-08-20T10:00:00Z", "2026-09-01T10:00:00Z", "2026-09-05T10:00:00Z"],
    source: "webinar",
    mql: "2026-09-01T10:00:00Z",
    total: 90,
    fit: 45,
    rep: "a",
    then: [
      ["sal", "2026-09-02T10:00:00Z"],
      ["opportunity", "2026-09-10T10:00:00Z"],
    ],
    hits: ["demo"],
  },
  L2: {
    industry: "software",
    industryNow: "retail",
    demos: ["2026-08-01T10:00:00Z", "2026-08-15T10:00:00Z", "2026-09-02T09:00:00Z"],
    source: "webinar",
    mql: "2026-09-02T10:00:00Z",
    total: 85,
    fit: 30,
    rep: "a",
    then: [
      ["sal", "2026-09-03T10:00:00Z"],
      ["recycled", "2026-09-20T10:00:00Z"],
    ],
    hits: ["fit"],
  },
  L3: {
    industry: "software",
    demos: ["2026-09-14T10:00:00Z", "2026-09-16T10:00:00Z", "2026-09-20T10:00:00Z"],
    source: "ads",
    mql: "2026-09-15T10:00:00Z",
    total: 60,
    fit: 20,
    rep: "a",
    then: [
      ["sal", "2026-09-16T10:00:00Z"],
      ["sql", "2026-09-20T10:00:00Z"],
      ["opportunity", "2026-09-25T10:00:00Z"],
      ["customer", "2026-10-01T10:00:00Z"],
    ],
    hits: ["demo"],
  },
  L4: {
    industry: "retail",
    industryNow: "software",
    demos: ["2026-09-01T10:00:00Z", "2026-09-10T10:00:00Z"],
    source: null,
    mql: "2026-09-16T10:00:00Z",
    total: 55,
    fit: 5,
    rep: "b",
    then: [
      ["sal", "2026-09-17T10:00:00Z"],
      ["opportunity", "2026-09-25T10:00:00Z"],
    ],
    hits: ["fit"],
  },
  L5: {
    industry: "mining",
    demos: [],
    source: "ads",
    mql: "2026-09-29T10:00:00Z",
    total: 30,
    fit: 12,
    then: [],
    hits: [],
  },
  L6: {
    industry: "software",
    demos: ["2026-10-01T10:00:00Z"],
    source: "ads",
    mql: "2026-09-30T10:00:00Z",
    total: 40,
    fit: 0,
    then: [["recycled", "2026-10-02T10:00:00Z"]],
    hits: ["demo"],
    version: 0,
  },
  L7: {
    industry: "software",
    demos: ["2026-08-01T10:00:00Z", "2026-08-02T10:00:00Z", "2026-08-03T09:00:00Z"],
    source: "ads",
    mql: "2026-08-03T10:00:00Z",
    total: 95,
    fit: 50,
    rep: "a",
    then: [["recycled", "2026-08-05T10:00:00Z"]],
    hits: ["demo"],
  },
};

async function transition(
  db: Db,
  leadId: string,
  at: string,
  to: string,
  total: number | null = null,
  fit: number | null = null,
) {
  await db.execute(sql`insert into lead_transitions (lead_id, at, to_stage, actor_type, reason, score_total, score_fit, model_version)
    values (${leadId}, ${at}::timestamptz, ${to}::lifecycle_stage, 'system', 'test', ${total}::float8, ${fit}::float8, 1)`);
}

export async function buildReportData(db: Db) {
  await db.insert(modelVersions).values({ version: 1, document: TEST_MODEL, authorLabel: "test" });
  const teamA = await createTeam(db, "Team A");
  const teamB = await createTeam(db, "Team B");
  const repA = await createUser(db, { name: "Alice", teamId: teamA.id });
  const repB = await createUser(db, { name: "Bob", teamId: teamB.id });
  const leads: Record<string, string> = {};
  const l0 = await createLead(db, { source: "import" });
  await transition(db, l0.id, "2026-08-15T10:00:00Z", "opportunity");
  for (const [name, h] of Object.entries(HANDOFFS)) {
    const lead = await createLead(db, { source: h.source, industry: h.industry });
    leads[name] = lead.id;
    for (const [k, at] of h.demos.entries())
      await db.execute(sql`insert into events (lead_id, name, properties, occurred_at, external_id)
        values (${lead.id}, 'Demo Requested', '{}'::jsonb, ${at}::timestamptz, ${`${name}-demo-${k}`})`);
    if (h.rep) {
      const rep = h.rep === "a" ? repA : repB;
      await db.execute(
        sql`insert into assignments (lead_id, at, user_id, team_id, reason, actor_type) values (${lead.id}, ${h.mql}::timestamptz, ${rep.id}, ${rep.teamId}, 'test', 'system')`,
      );
    }
    await transition(db, lead.id, h.mql, "mql", h.total, h.fit);
    for (const [to, at] of h.then) await transition(db, lead.id, at, to);
    await db.execute(sql`insert into mql_snapshots (transition_id, lead_id, model_version, computed_at)
      select id, lead_id, ${h.version ?? 1}::int, now() from lead_transitions where lead_id = ${lead.id} and to_stage = 'mql'`);
    if (h.industryNow)
      await db.execute(sql`update leads set industry = ${h.industryNow} where id = ${lead.id}`);
    for (const rule of h.hits ?? []) {
      await db.execute(
        sql`insert into mql_rule_hits (transition_id, rule_id, hits) select id, ${rule}::text, 1 from lead_transitions where lead_id = ${lead.id} and to_stage = 'mql'`,
      );
    }
  }
  return { teamA, teamB, repA, repB, leads };
}

/** SLA clocks: Alice touched after 10, 30 and 120 minutes (the last late); Bob after 2, plus one open clock. */
export async function buildSlaData(db: Db, d: Awaited<ReturnType<typeof buildReportData>>) {
  const clock = (
    leadId: string,
    rep: { id: string; teamId: string | null },
    started: string,
    due: string,
    touched: string | null,
    breachedFirst: string | null,
    breachedTouches: string | null = null,
  ) =>
    db.execute(sql`insert into sla_clocks (lead_id, user_id, team_id, policy_name, min_touches, reassign_on_breach, started_at, first_touch_due, touches_due_by, first_touch_at, breached_first_touch_at, breached_touches_at, closed_at)
      values (${leadId}, ${rep.id}, ${rep.teamId}, 'test', 3, false, ${started}::timestamptz, ${due}::timestamptz, ${due}::timestamptz + interval '5 days',
              ${touched}::timestamptz, ${breachedFirst}::timestamptz, ${breachedTouches}::timestamptz, ${touched === null ? null : "2026-10-30T00:00:00Z"}::timestamptz)`);
  await clock(
    d.leads.L1,
    d.repA,
    "2026-09-01T10:00:00Z",
    "2026-09-01T11:00:00Z",
    "2026-09-01T10:10:00Z",
    null,
  );
  await clock(
    d.leads.L2,
    d.repA,
    "2026-09-02T10:00:00Z",
    "2026-09-02T11:00:00Z",
    "2026-09-02T10:30:00Z",
    null,
  );
  await clock(
    d.leads.L3,
    d.repA,
    "2026-09-15T10:00:00Z",
    "2026-09-15T11:00:00Z",
    "2026-09-15T12:00:00Z",
    "2026-09-15T11:00:00Z",
  );
  await clock(
    d.leads.L4,
    d.repB,
    "2026-09-16T10:00:00Z",
    "2026-09-16T11:00:00Z",
    "2026-09-16T10:02:00Z",
    null,
    "2026-09-24T10:00:00Z",
  );
  await clock(d.leads.L5, d.repB, "2026-11-18T11:00:00Z", "2026-11-18T13:00:00Z", null, null);
}

/** Reasons: not_ready once a week in weeks 1 and 3, four times in week 5 (a spike); competitor once in week 2. */
export async function buildReasonData(db: Db, d: Awaited<ReturnType<typeof buildReportData>>) {
  const decide = (kind: string, code: string | null, at: string) =>
    db.execute(
      sql`insert into decisions (lead_id, user_id, kind, reason_code, at) values (${d.leads.L1}, ${d.repA.id}, ${kind}::decision_kind, ${code}, ${at}::timestamptz)`,
    );
  await decide("reject", "not_ready", "2026-09-08T10:00:00Z");
  await decide("disqualify", "competitor", "2026-09-15T10:00:00Z");
  await decide("reject", "not_ready", "2026-09-22T10:00:00Z");
  for (const day of ["05", "06", "07", "08"])
    await decide("reject", "not_ready", `2026-10-${day}T10:00:00Z`);
  await decide("accept", null, "2026-10-06T10:00:00Z");
}
