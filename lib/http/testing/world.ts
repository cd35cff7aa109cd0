/**
 * Test support: one small world every API operation can be called in — two sales teams with their
 * reps and managers, a marketer and an admin; a lead of each rep and an unassigned one (each with
 * an email no other row holds, so a response that leaks it is easy to spot); a live model; an API
 * key per scope, one with no scope and one with all; a job, a webhook with a delivery, an upload,
 * an import, a saved mapping, a reason and a notification for two people. Built through the route
 * handlers where one exists (as the admin), so the objects are the ones clients create.
 */
import { eq } from "drizzle-orm";
import { notifications, webhookDeliveries } from "@/db/schema";
import { createUser } from "@/db/factories";
import { createTestDb, type TestDb } from "@/db/testing";
import { actorOf, type Actor } from "@/lib/auth/principal";
import { API_SCOPES, type ApiScope } from "@/lib/auth/scopes";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import { assignedMql, salesTeams } from "@/lib/domain/decisions/test-setup";
import { publishTestModel } from "@/lib/domain/predict/test-seed";
import { predictTrainJob } from "@/lib/jobs/definitions/predict-train";
import { slaSweepJob } from "@/lib/jobs/definitions/sla-sweep";
import { enqueue, startJobs, stopJobs } from "@/lib/jobs/queue";
import type { Contract } from "../contract";
import { ALL_CONTRACTS } from "../contracts";
import { callRoute, type Call } from "./dispatch";

export type SessionSwitch = (actor: Actor | null) => void;

/** A lead of the world, with who owns it (null: the unassigned queue). */
export type WorldLead = { id: string; email: string; ownerId: string | null };

export type World = Awaited<ReturnType<typeof buildWorld>>;

const contract = (operationId: string): Contract => {
  const found = ALL_CONTRACTS.find((c) => c.operationId === operationId);
  if (!found) throw new Error(`no contract ${operationId}`);
  return found;
};

/** Calls an operation as `actor` and returns its JSON, failing loudly unless it answered 2xx. */
export async function callAs(
  as: SessionSwitch,
  actor: Actor,
  operationId: string,
  call: Call,
): Promise<{ data: Record<string, unknown> & { id?: string } }> {
  as(actor);
  const answer = await callRoute(contract(operationId), call);
  if (answer.status >= 300)
    throw new Error(`${operationId} set-up answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as { data: Record<string, unknown> & { id?: string } };
}

export const IMPORT_CSV = "Email,First name,Company,Country\nada@import.test,Ada,Acme,FR\n";

export function csvForm(csv = IMPORT_CSV, name = "leads.csv"): FormData {
  const form = new FormData();
  form.set("file", new Blob([csv], { type: "text/csv" }), name);
  return form;
}

export async function buildWorld(as: SessionSwitch) {
  const t: TestDb = await createTestDb();
  (globalThis as unknown as { accordDb?: Promise<unknown> }).accordDb = Promise.resolve(t);
  await startJobs({ work: false, schedule: false });
  const s = await salesTeams(t.db);
  const usRep2 = actorOf(
    await createUser(t.db, {
      role: "rep",
      name: "Michael US",
      teamId: s.us.id,
      timeZone: "America/New_York",
    }),
  );
  const model = await publishTestModel(t.db, 1, {
    name: "Matrix",
    mqlThreshold: 50,
    bands: [
      { name: "cold", min: 0 },
      { name: "hot", min: 60 },
    ],
    rules: [
      { id: "demo", kind: "event", label: "Demo requested", event: "Demo Requested", points: 30 },
    ],
  });

  let serial = 0;
  const unique = (what: string) => `${what}-${Date.now().toString(36)}-${++serial}`;
  const hourAgo = () => new Date(Date.now() - 3_600_000);
  /** A new MQL owned by `owner` (null: unassigned), with an email nothing else holds. */
  const mqlOf = async (owner: Actor | null, label: string): Promise<WorldLead> => {
    const email = `${unique(label)}@matrix.test`;
    const row = await assignedMql(t.db, owner, hourAgo(), { total: 70 }, { email });
    return { id: row.id, email, ownerId: owner?.id ?? null };
  };
  const leads = {
    frRep: await mqlOf(s.frRep, "own-fr-rep"),
    frRep2: await mqlOf(s.frRep2, "fr-teammate"),
    usRep: await mqlOf(s.usRep, "us-team"),
    unassigned: await mqlOf(null, "unassigned"),
  };

  const keyWith = async (scopes: ApiScope[]) =>
    (await createApiKey(t.db, { name: unique(scopes.join("+") || "no-scope"), scopes }, null))
      .secret;
  const keys = Object.fromEntries(
    await Promise.all(API_SCOPES.map(async (scope) => [scope, await keyWith([scope])] as const)),
  ) as Record<ApiScope, string>;
  const noScopeKey = await keyWith([]);
  const allScopesKey = await keyWith([...API_SCOPES]);

  const jobs = {
    train: {
      id: await enqueue(t.db, predictTrainJob, {}, { runAt: new Date(Date.now() + 3_600_000) }),
      definition: predictTrainJob,
    },
    sweep: {
      id: await enqueue(t.db, slaSweepJob, {}, { runAt: new Date(Date.now() + 3_600_000) }),
      definition: slaSweepJob,
    },
  };

  const admin = s.admin;
  const reason = await callAs(as, admin, "createReason", {
    body: {
      kind: "reject",
      code: unique("matrix").replace(/-/g, "_"),
      labels: { en: "M", fr: "M" },
    },
  });
  const webhook = await callAs(as, admin, "createWebhook", {
    body: {
      url: "https://hooks.example.test/accord",
      description: "CRM",
      eventTypes: ["lead.mql"],
    },
  });
  const delivery = await callAs(as, admin, "sendWebhookTest", {
    params: { id: String(webhook.data.id) },
  });
  const inspected = await callAs(as, admin, "inspectImport", { form: csvForm() });
  const mapping = inspected.data.mapping as Record<string, unknown>;
  const uploadId = String(inspected.data.uploadId);
  const importForm = () => {
    const form = new FormData();
    form.set("uploadId", uploadId);
    form.set("kind", "leads");
    form.set("mapping", JSON.stringify(mapping));
    form.set("dryRun", "true");
    return form;
  };
  const started = await callAs(as, admin, "createImport", { form: importForm() });
  const savedMapping = await callAs(as, admin, "saveImportMapping", {
    body: { name: unique("mapping"), kind: "leads", mapping },
  });

  const notify = async (user: Actor, lead: WorldLead) => {
    const [row] = await t.db
      .insert(notifications)
      .values({
        userId: user.id,
        kind: "sla_breach_first_touch",
        leadId: lead.id,
        createdAt: new Date(),
      })
      .returning({ id: notifications.id });
    return row.id;
  };
  const notes = {
    frManager: await notify(s.frManager, leads.frRep),
    usManager: await notify(s.usManager, leads.usRep),
  };

  return {
    t,
    s: { ...s, usRep2 },
    model,
    leads,
    mqlOf,
    unique,
    keys,
    noScopeKey,
    allScopesKey,
    keyWith,
    jobs,
    reasonId: Number(reason.data.id),
    webhookId: String(webhook.data.id),
    deliveryId: String(delivery.data.id),
    /** Marks the test delivery failed (as after its last attempt), so it may be resent. */
    failDelivery: () =>
      t.db
        .update(webhookDeliveries)
        .set({ status: "failed", finishedAt: new Date() })
        .where(eq(webhookDeliveries.id, Number(delivery.data.id))),
    uploadId,
    mapping,
    importForm,
    importId: String(started.data.id),
    mappingId: String(savedMapping.data.id),
    notes,
    /** Calls an operation as the admin during a test's set-up. */
    asAdmin: (operationId: string, call: Call) => callAs(as, admin, operationId, call),
  };
}

export async function closeWorld(world: World | undefined) {
  await stopJobs();
  delete (globalThis as unknown as { accordDb?: unknown }).accordDb;
  await world?.t.close();
}
