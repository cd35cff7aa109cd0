/**
 * Publish builds the new scores beside the live ones and swaps them in at once: events ingested
 * during the build are acknowledged and scored under the live version at once, then all end up
 * scored under the new one (none lost, no history row or handoff doubled); a build cut off leaves
 * the old version live and untouched, and a second run completes it.
 */
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { createTestDb, type TestDb } from "@/db/testing";
import { ingestEvents } from "@/lib/domain/ingest/ingest-events";
import { compileScores } from "./compile";
import { beginPublish, buildPublish, publishDraft } from "./publish";
import { template } from "./templates";
import { getActiveModel, saveDraft } from "./versions";
import type { ScoringModel } from "./model";

let t: TestDb;
const by = { actorType: "user" as const, actorId: "test", label: "Test", userId: null };
const at = new Date("2026-11-20T12:00:00Z");
const LEADS = 12;

const event = (id: string, email: string, name: string, day = 15) => ({
  id,
  email,
  name,
  properties: { path: "/pricing", channel: "linkedin" },
  occurredAt: `2026-11-${day}T10:00:00Z`,
});

async function scores() {
  return queryRows<{ lead_id: string; model_version: number; total: number }>(
    t.db,
    sql`select lead_id, model_version, total from lead_scores order by lead_id`,
  );
}

/** Every lead's total as a fresh full rescore under the model would give it. */
async function expected(model: ScoringModel) {
  const rows = await queryRows<{ lead_id: string; total: number }>(
    t.db,
    sql`select lead_id, total from (${compileScores(model, { asOf: at })}) c order by lead_id`,
  );
  return new Map(rows.map((r) => [r.lead_id, r.total]));
}

/**
 * The draft: the question rule's points changed, which a publish derives from the live scores'
 * stored earnings (derive.ts); or the same with a ten-year window added to it, which counts the
 * same events but has the publish read that rule's events again; or with the window added to every
 * event rule, which has it replay every event.
 */
const EDITS = [
  ["derived from stored earnings", "earnings"],
  ["reading one rule's events again", "mixed"],
  ["replaying every event", "events"],
] as const;

describe.each(EDITS)("publish beside the live scores, %s", (_, scoredFrom) => {
  function edited(points: number): ScoringModel {
    const model = template("seed-003-telecom");
    const rule = model.rules.find((r) => r.id === "question")!;
    rule.points = points;
    for (const r of model.rules)
      if (r.kind === "event" && (scoredFrom === "events" || (scoredFrom === "mixed" && r === rule)))
        r.withinDays = 3650;
    return model;
  }

  beforeAll(async () => {
    t = await createTestDb();
    await saveDraft(t.db, template("seed-003-telecom"), { userId: null, label: "Test" });
    await publishDraft(t.db, by, "first", () => at);
    const result = await ingestEvents(
      t.db,
      Array.from({ length: LEADS }, (_, i) =>
        event(`v-${i}`, `lead${i}@build.test`, "Page Viewed"),
      ),
      { source: "api", now: at },
    );
    expect(result.accepted).toBe(LEADS);
  });
  afterAll(() => t?.close());

  it("keeps acknowledging events during the build and scores every one under the new version after the swap", async () => {
    const before = (await getActiveModel(t.db))!.version;
    const model = edited(90);
    await saveDraft(t.db, model, { userId: null, label: "Test" });
    const { version } = await beginPublish(t.db, by, "during ingestion");
    let midBuild: { active: number; versions: number[]; accepted: number; newLead: number } | null =
      null;
    const result = await buildPublish(t.db, version, by, {
      now: () => at,
      async afterBuild() {
        // Half the leads ask a question after their new score was built, and a new lead appears.
        const ingested = await ingestEvents(
          t.db,
          [
            ...Array.from({ length: LEADS / 2 }, (_, i) =>
              event(`q-${i}`, `lead${i * 2}@build.test`, "Question Asked", 18),
            ),
            event("q-new", "newcomer@build.test", "Question Asked", 18),
          ],
          { source: "api", now: at },
        );
        const live = await scores();
        const [newcomer] = await queryRows<{ model_version: number }>(
          t.db,
          sql`select s.model_version from lead_scores s join leads l on l.id = s.lead_id
              where l.email = 'newcomer@build.test'`,
        );
        midBuild = {
          active: (await getActiveModel(t.db))!.version,
          versions: [...new Set(live.map((s) => s.model_version))],
          accepted: ingested.accepted,
          newLead: newcomer.model_version,
        };
      },
    });
    // During the build: every event acknowledged and scored at once, under the live version only.
    expect(midBuild).toEqual({ active: before, versions: [before], accepted: 7, newLead: before });
    expect(result).toMatchObject({ version, leadsRescored: LEADS + 1 });
    const [audit] = await queryRows<{ from: string }>(
      t.db,
      sql`select data->>'scoredFrom' as from from audit_log
          where action = 'model.published' and target_id = ${String(version)}`,
    );
    expect(audit.from).toBe(scoredFrom);

    // After the swap: every lead under the new version, as a full rescore would score it.
    expect((await getActiveModel(t.db))!.version).toBe(version);
    const live = await scores();
    const fresh = await expected(model);
    expect(live).toHaveLength(LEADS + 1);
    for (const s of live) {
      expect(s.model_version).toBe(version);
      expect(s.total).toBeCloseTo(fresh.get(s.lead_id)!, 6);
    }
    // The questions count under the new version: 90 points each, so those leads moved.
    const asked = live.filter((s) => s.total >= 90);
    expect(asked.length).toBe(LEADS / 2 + 1);

    const [doubled] = await queryRows<{ history: number; handoffs: number }>(
      t.db,
      sql`select
            (select count(*)::int from (select lead_id from score_history where model_version = ${version}
               group by lead_id having count(*) > 1) h) as history,
            (select count(*)::int from (select lead_id from lead_transitions where to_stage = 'mql'
               group by lead_id having count(*) > 1) m) as handoffs`,
    );
    expect(doubled).toEqual({ history: 0, handoffs: 0 });
    // Every lead whose score moved has its history row for the new version, once.
    const [recorded] = await queryRows<{ n: number }>(
      t.db,
      sql`select count(*)::int as n from score_history where model_version = ${version} and cause = 'publish'`,
    );
    expect(recorded.n).toBe(LEADS / 2 + 1);
    // The draft is based on the new version: the editor shows no pending change.
    const [draft] = await queryRows<{ base_version: number }>(
      t.db,
      sql`select base_version from model_draft`,
    );
    expect(draft.base_version).toBe(version);
  });

  it("leaves the old version live and untouched when the build is cut off, and completes when run again", async () => {
    const before = (await getActiveModel(t.db))!.version;
    const snapshot = await scores();
    const model = edited(45);
    await saveDraft(t.db, model, { userId: null, label: "Test" });
    const { version } = await beginPublish(t.db, by, "cut off");
    const controller = new AbortController();
    const cut = await buildPublish(t.db, version, by, {
      now: () => at,
      signal: controller.signal,
      afterBuild: async () => controller.abort(new Error("worker killed")),
    }).catch((error: Error) => error);
    expect(cut).toBeInstanceOf(Error);
    expect((await getActiveModel(t.db))!.version).toBe(before);
    expect(await scores()).toEqual(snapshot);
    // Still being published: another publish waits its turn.
    await expect(beginPublish(t.db, by, "meanwhile")).rejects.toMatchObject({ code: "conflict" });

    const again = await buildPublish(t.db, version, by, { now: () => at });
    expect(again.version).toBe(version);
    expect((await getActiveModel(t.db))!.version).toBe(version);
    const fresh = await expected(model);
    for (const s of await scores()) {
      expect(s.model_version).toBe(version);
      expect(s.total).toBeCloseTo(fresh.get(s.lead_id)!, 6);
    }
    // The swapped-in table is lead_scores in every way: its key and its constraints.
    const constraints = await queryRows<{ name: string; validated: boolean }>(
      t.db,
      sql`select conname as name, convalidated as validated from pg_constraint
          where conrelid = 'lead_scores'::regclass and contype in ('p', 'f') order by conname`,
    );
    expect(constraints).toEqual([{ name: "lead_scores_pkey", validated: true }]);
  });
});
