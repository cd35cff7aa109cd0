/**
 * Test support: a valid request for every API operation in the test world (world.ts) — the
 * authorization matrix calls each one as every caller, the fuzz test spoils them field by field.
 * An operation with objects in its address has one target per kind of object a caller may or may
 * not reach (a lead of each rep, of the other team, the unassigned queue; a team; a job).
 * Requests that change or remove their object get a fresh one on every call, so one caller's
 * success never changes what the next caller meets.
 */
import type { Actor } from "@/lib/auth/principal";
import { createApiKey } from "@/lib/domain/api-keys/api-keys";
import type { Contract } from "../contract";
import type { Call } from "./dispatch";
import type { ObjectRule } from "./expected-access";
import { csvForm, type World } from "./world";

export type Target = { label: string; rule?: ObjectRule; call: () => Promise<Call> };

const one = (call: Call | (() => Promise<Call>)): Target[] => [
  { label: "", call: typeof call === "function" ? call : async () => call },
];

const BANT = { budget: "40 k€", authority: "CTO", need: "PBX", timeframe: "Q1" };

/** A lead of each kind of owner; a fresh one per call when the request changes it. */
function leadTargets(
  w: World,
  fresh: boolean,
  build: (leadId: string, owner: Actor | null) => Omit<Call, "params"> = () => ({}),
): Target[] {
  const owners: [string, Actor | null, keyof World["leads"]][] = [
    ["Thomas's lead (FR rep)", w.s.frRep, "frRep"],
    ["Léa's lead (FR rep, same team)", w.s.frRep2, "frRep2"],
    ["Emily's lead (US team)", w.s.usRep, "usRep"],
    ["an unassigned lead", null, "unassigned"],
  ];
  return owners.map(([label, owner, key]) => ({
    label,
    rule: { lead: { owner } },
    call: async () => {
      const id = fresh ? (await w.mqlOf(owner, key)).id : w.leads[key].id;
      return { params: { id }, ...build(id, owner) };
    },
  }));
}

/** Who a lead can be reassigned to: a teammate of its owner. */
const teammate = (w: World, owner: Actor | null) =>
  owner?.id === w.s.frRep.id ? w.s.frRep2 : owner?.id === w.s.usRep.id ? w.s.usRep2 : w.s.frRep;

const jobTargets = (w: World): Target[] =>
  Object.entries(w.jobs).map(([label, job]) => ({
    label: `a ${label} job`,
    rule: { job: job.definition.readers! },
    call: async () => ({ params: { id: job.id } }),
  }));

const period = { query: { from: "2020-01-01" } };

/** The targets of one operation, or null when no sample was written for it. */
export function samplesFor(contract: Contract, w: World): Target[] | null {
  const id = (x: string | number) => String(x);
  switch (contract.operationId) {
    // Ingestion
    case "ingestEvents":
      return one(async () => ({
        body: {
          events: [
            { id: w.unique("evt"), email: `${w.unique("in")}@ingest.test`, name: "Demo Requested" },
          ],
        },
      }));
    case "ingestSegment":
      return one(async () => ({
        params: { type: "identify" },
        body: {
          type: "identify",
          messageId: w.unique("seg"),
          userId: w.unique("crm"),
          traits: { email: `${w.unique("seg")}@ingest.test`, title: "CFO" },
        },
      }));
    // Leads
    case "listLeads":
      return one({ query: { pageSize: "50" } });
    case "upsertLeads":
      return one(async () => ({
        body: { email: `${w.unique("up")}@leads.test`, firstName: "Ada", company: "Acme" },
      }));
    case "getLead":
      return leadTargets(w, false);
    case "listLeadEvents":
      return leadTargets(w, false, () => ({ query: { limit: "10" } }));
    case "recordOutcomes":
      return one(async () => ({
        body: {
          outcomes: [{ lead: { id: (await w.mqlOf(null, "outcome")).id }, stage: "opportunity" }],
        },
      }));
    // Sales
    case "listInbox":
      return one({ query: { limit: "50" } });
    case "listInboxReps":
    case "listSlaPolicies":
    case "getTeamsOverview":
      return one({});
    case "logTouch":
      return leadTargets(w, true, () => ({
        body: { channel: "call", outcome: "connected", note: "Matrix" },
      }));
    case "decideLead":
      return leadTargets(w, true, () => ({ body: { kind: "accept", bant: BANT } }));
    case "reassignLead":
      return leadTargets(w, true, (_, owner) => ({ body: { repId: teammate(w, owner).id } }));
    case "replaceSlaPolicies":
      return one(async () => {
        const tiers = (await w.asAdmin("listSlaPolicies", {})).data as unknown as {
          position: number;
        }[];
        return { body: { policies: tiers.map(({ position: _, ...tier }) => tier) } };
      });
    case "listReasons":
      return one({ query: { kind: "reject" } });
    case "createReason":
      return one(async () => ({
        body: {
          kind: "reject",
          code: w.unique("code").replace(/-/g, "_"),
          labels: { en: "Budget frozen", fr: "Budget gelé" },
        },
      }));
    case "updateReason":
      return one({ params: { id: id(w.reasonId) }, body: { labels: { en: "Matrix reason" } } });
    case "deleteReason":
      return one(async () => {
        const created = await w.asAdmin("createReason", {
          body: {
            kind: "disqualify",
            code: w.unique("gone").replace(/-/g, "_"),
            labels: { en: "Gone", fr: "Parti" },
          },
        });
        return { params: { id: id(created.data.id!) } };
      });
    case "listNotifications":
      return one({ query: { unread: "true" } });
    case "markNotificationsRead":
      // The US manager's notification: only they may mark it (checked after the matrix).
      return one({ body: { ids: [w.notes.usManager] } });
    // Teams
    case "createTeam":
      return one(async () => ({ body: { name: w.unique("Team"), timeZone: "Europe/Berlin" } }));
    case "updateTeam":
      return one(async () => ({
        params: { id: w.s.fr.id },
        body: { name: w.unique("FR"), timeZone: "Europe/Paris" },
      }));
    case "setTeamTerritories":
      return one({ params: { id: w.s.us.id }, body: { countries: ["US", "CA"] } });
    case "setTeamHolidays":
      return [
        { label: "the FR team", team: w.s.fr.id },
        { label: "the US team", team: w.s.us.id },
      ].map(({ label, team }) => ({
        label,
        rule: { teamId: team },
        call: async () => ({ params: { id: team }, body: { holidays: ["2026-12-25"] } }),
      }));
    case "updateUser":
      return one({ params: { id: w.s.usRep2.id }, body: { capacity: 40 } });
    // Scoring model
    case "getScoringModel":
    case "getScoringDraft":
    case "getScoringSuggestions":
    case "listScoringVersions":
    case "getThresholdEvidence":
      return one({});
    case "saveScoringDraft":
      return one({ body: w.model });
    case "previewScoringDraft":
      // A rule that moves the US team's lead alone: it tops the movers, which its team's people only may see.
      return one({
        body: {
          ...w.model,
          rules: [
            ...w.model.rules,
            {
              id: "matrix-us",
              kind: "attribute",
              label: "The US lead",
              field: "email",
              op: "eq",
              value: w.leads.usRep.email,
              points: 40,
            },
          ],
        },
      });
    case "publishScoringDraft":
      return one({ body: { note: "Matrix" } });
    case "getScoringVersion":
    case "restoreScoringVersion":
      return one({ params: { version: "1" } });
    // Reports
    case "getFunnelReport":
    case "getCalibrationReport":
    case "getRuleLiftReport":
    case "getSlaReport":
    case "getReasonsReport":
    case "getReportSettings":
    case "getPredictiveSummary":
    case "trainPredictiveModel":
    case "analyseRuleHits":
      return one({});
    case "updateReportSettings":
      return one({ body: { targetRate: 0.3, targetStage: "opportunity", outcomeWindowDays: 90 } });
    case "getThresholdRecommendation":
      return one({ query: { weeks: "26" } });
    case "applyRecalibrationToDraft":
      return one({ body: { mqlThreshold: 55, rules: [{ ruleId: "demo", points: 35 }] } });
    case "updatePredictiveSettings":
      return one({ body: { includedAttributes: [] } });
    // Imports
    case "inspectImport":
      return one(async () => ({ form: csvForm() }));
    case "createImport":
      return [
        {
          label: "a leads import",
          rule: { personPermission: "imports:leads" },
          call: async () => ({ form: w.importForm() }),
        },
      ];
    case "listImports":
      return one({ query: { limit: "5" } });
    case "getImport":
    case "getImportFailedRows":
    case "cancelImport":
      return one({ params: { id: w.importId } });
    case "listImportMappings":
      return one({ query: { kind: "leads" } });
    case "saveImportMapping":
      return one(async () => ({
        body: { name: w.unique("mapping"), kind: "leads", mapping: w.mapping },
      }));
    case "deleteImportMapping":
      return one(async () => {
        const saved = await w.asAdmin("saveImportMapping", {
          body: { name: w.unique("gone"), kind: "leads", mapping: w.mapping },
        });
        return { params: { id: id(saved.data.id!) } };
      });
    // Jobs
    case "getJob":
    case "cancelJob":
      return jobTargets(w);
    case "listJobs":
      return one({ query: { name: "predict-train" } });
    // Webhooks
    case "listWebhooks":
      return one({});
    case "createWebhook":
      return one({
        body: { url: "https://hooks.example.test/new", eventTypes: ["lead.mql"] },
      });
    case "updateWebhook":
      return one({ params: { id: w.webhookId }, body: { description: "Matrix" } });
    case "deleteWebhook":
      return one(async () => {
        const created = await w.asAdmin("createWebhook", {
          body: { url: "https://hooks.example.test/gone", eventTypes: ["lead.mql"] },
        });
        return { params: { id: id(created.data.id!) } };
      });
    case "rotateWebhookSecret":
    case "sendWebhookTest":
      return one({ params: { id: w.webhookId } });
    case "listWebhookDeliveries":
      return one({ params: { id: w.webhookId }, query: { limit: "10" } });
    case "resendWebhookDelivery":
      return one(async () => {
        await w.failDelivery();
        return { params: { id: w.webhookId, deliveryId: w.deliveryId } };
      });
    // Exports
    case "exportLeads":
      return one({});
    case "exportEvents":
    case "exportDecisions":
    case "exportTransitions":
      return one(period);
    // Administration
    case "listApiKeys":
    case "getHealth":
    case "getOpenApiDocument":
    case "getTestClock":
      return one({});
    case "createApiKey":
      return one(async () => ({ body: { name: w.unique("key"), scopes: ["events:write"] } }));
    case "revokeApiKey":
      return one(async () => {
        const key = await createApiKey(
          w.t.db,
          { name: w.unique("gone"), scopes: ["leads:read"] },
          null,
        );
        return { params: { id: key.id } };
      });
    case "setTestClock":
      return one({ body: { reset: true } });
    // Users
    case "listUsers":
      return one({});
    case "createUser":
      return one(async () => ({
        body: { name: "Matrix Person", email: `${w.unique("user")}@users.test`, role: "rep" },
      }));
    case "createInvitation":
      return one(async () => {
        const created = await w.asAdmin("createUser", {
          body: { name: "Invited", email: `${w.unique("inv")}@users.test`, role: "rep" },
        });
        return { params: { id: (created.data as { user: { id: string } }).user.id } };
      });
    // Privacy
    case "exportLead":
      return leadTargets(w, false);
    case "eraseLead":
      return leadTargets(w, true);
    case "getRetention":
    case "runRetention":
      return one({});
    case "saveRetention":
      return one({ body: { eventRetentionMonths: null } });
    default:
      return null;
  }
}

/**
 * For an operation nobody wrote a sample for yet: its address filled in (a lead's id for a lead's
 * address, a fresh one when the request may change it; an unknown id elsewhere) and an empty
 * object as body. Enough for the contract's own checks; the matrix flags the missing sample.
 */
export function fallbackTargets(contract: Contract, w: World): Target[] {
  const names = Object.keys(contract.params?.shape ?? {});
  const body = contract.body || contract.rawBody ? { body: {} } : {};
  if (/^\/api\/v1\/leads\/\{id\}/.test(contract.path))
    return leadTargets(w, contract.method !== "get", () => body);
  const params = Object.fromEntries(names.map((n) => [n, "00000000-0000-4000-8000-000000000000"]));
  return one({ params, ...body });
}
