/**
 * Demo data: teams, the demo accounts, ~3,000 leads and ~60,000 events over the last 120 days.
 * Deterministic (seeded PRNG); inserted in batches inside one transaction.
 */
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { queryRows, type Db } from "@/db/client";
import { auditLog, events, leads, scoreHistory, teamTerritories, teams, users } from "@/db/schema";
import { DEMO_PASSWORD, DEMO_TEAMS, DEMO_USERS } from "./demo-users";
import { publishDraft } from "@/lib/domain/scoring/publish";
import { template } from "@/lib/domain/scoring/templates";
import { nextVersionNumber, saveDraft } from "@/lib/domain/scoring/versions";
import { generateDemoData, type SeedOptions } from "./generate";
import { sweepBreaches } from "@/lib/domain/sla/sweep";
import { writeSalesHistory } from "./write-sales-history";
import { replayScoreHistory } from "./score-history";

export { DEMO_PASSWORD, DEMO_USERS } from "./demo-users";

const BATCH = 1000;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from ${users}`);
  return row.n === 0;
}

export type SeedSummary = { users: number; leads: number; events: number; ms: number };

export async function seedDemoData(
  db: Db,
  options: Partial<SeedOptions> & { onProgress?: (message: string) => void } = {},
): Promise<SeedSummary> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const log = options.onProgress ?? (() => {});
  const data = generateDemoData({ ...options, now });
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 10);

  await db.transaction(async (tx) => {
    const teamRows = await tx
      .insert(teams)
      .values(DEMO_TEAMS.map((t) => ({ name: t.name, timeZone: t.timeZone })))
      .returning({ id: teams.id, name: teams.name });
    const teamId = Object.fromEntries(
      DEMO_TEAMS.map((t) => [t.key, teamRows.find((r) => r.name === t.name)!.id]),
    );
    await tx
      .insert(teamTerritories)
      .values(
        DEMO_TEAMS.flatMap((t) =>
          t.countries.map((country) => ({ country, teamId: teamId[t.key] })),
        ),
      );
    const userRows = await tx
      .insert(users)
      .values(
        DEMO_USERS.map((u) => ({
          email: u.email,
          name: u.name,
          role: u.role,
          passwordHash,
          teamId: u.team ? teamId[u.team] : null,
          timeZone: u.timeZone,
          ...(u.workingHours ? { workingHours: u.workingHours } : {}),
          ...(u.capacity ? { capacity: u.capacity } : {}),
        })),
      )
      .returning({ id: users.id, email: users.email });
    log(`${userRows.length} users`);

    const leadRows = data.leads.map(({ intent: _intent, ...lead }) => lead);
    for (let i = 0; i < leadRows.length; i += BATCH) {
      await tx.insert(leads).values(leadRows.slice(i, i + BATCH));
    }
    log(`${leadRows.length} leads`);
    for (let i = 0; i < data.events.length; i += BATCH) {
      await tx.insert(events).values(data.events.slice(i, i + BATCH));
    }
    log(`${data.events.length} events`);
    await tx.insert(auditLog).values({
      actorType: "system",
      action: "db.seeded",
      data: { users: userRows.length, leads: leadRows.length, events: data.events.length },
    });
  });
  // A published model, so the demo opens with scores and receipts (templates stay one click away),
  // the score history it would have left had it been live all along (the lead page's trend), and
  // the handoffs and sales decisions that history implies (inboxes, thresholds and reports).
  const starter = template("seed-001-saas");
  const version = await nextVersionNumber(db);
  const history = replayScoreHistory(starter, version, data, now);
  for (let i = 0; i < history.length; i += BATCH) {
    await db.insert(scoreHistory).values(history.slice(i, i + BATCH));
  }
  log(`${history.length} score snapshots`);
  await writeSalesHistory(db, starter, version, data.leads, history, now);
  log("sales history");
  await saveDraft(db, starter, { userId: null, label: "Demo seed" }, { baseVersion: null });
  const published = await publishDraft(
    db,
    { actorType: "user", actorId: "seed", label: "Demo seed", userId: null },
    "Starter model: global SaaS",
    () => now,
  );
  log(`model v${published.version}: ${published.leadsRescored} leads scored in ${published.ms} ms`);
  // Open MQLs already past their deadlines show as breaches, with the managers' notifications.
  const sweep = await sweepBreaches(db, now);
  log(`SLA sweep: ${sweep.breaches.length} breaches`);
  return {
    users: DEMO_USERS.length,
    leads: data.leads.length,
    events: data.events.length,
    ms: Date.now() - started,
  };
}
