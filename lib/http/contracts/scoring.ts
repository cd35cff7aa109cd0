/**
 * Contracts of the scoring model: the active model, the draft and its impact preview, publishing,
 * the version history and restore, the rule editor's suggestions, and the threshold designer's
 * evidence.
 */
import { z } from "zod";
import { versionParamsSchema } from "@/lib/domain/scoring/get-version";
import { judgedModelSchema } from "@/lib/domain/predict/schemas";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import { OUTCOME_TARGETS } from "@/lib/shared/vocabulary";
import { defineContract } from "../contract";
import { data } from "./common";

const at = z.iso.datetime();
const int = z.number().int();

/**
 * The scoring model document, one component of the OpenAPI document. Other groups that show a
 * model should import this rather than give `scoringModelSchema` the same id again (zod-openapi
 * refuses two schemas under one id).
 */
export const scoringModelComponent = scoringModelSchema.meta({
  id: "ScoringModel",
  description:
    "A scoring model: rules (attribute and event), bands, grades, caps, the MQL threshold, the fit gate, required fields, recycling and nurture tracks. Size limits: at most 500 rules, 20 conditions per event rule, 500 values per list, 2,000 conditions in all (rules, where clauses and fit gate) and 20,000 listed values in all; a larger model is refused with 422 saying so in one line.",
});

const modelAccess = {
  read: { permission: "rules:read", scope: "model:read" },
  write: { permission: "rules:write", scope: "model:write" },
} as const;

const versionParams = z.object({
  version: versionParamsSchema.shape.version.describe("A published version number, from 1."),
});

export const getScoringModel = defineContract({
  operationId: "getScoringModel",
  method: "get",
  path: "/api/v1/scoring-model",
  tag: "Scoring model",
  summary: "The active model: the highest published version",
  description: "Answers 404 until a first version is published.",
  access: modelAccess.read,
  errors: ["not_found"],
  responses: {
    200: {
      description: "The active version and its model",
      schema: data(
        z.object({
          version: int,
          publishedAt: at,
          author: z.string().describe("Who published it: a person's name or an API key's."),
          note: z.string(),
          model: scoringModelComponent,
        }),
      ),
    },
  },
});

const draftFields = {
  baseVersion: int
    .nullable()
    .describe("The published version the draft would replace (null before the first publish)."),
  revision: int.describe(
    "Bumped by every save (0 while no draft is saved). Send it back as `If-Match` when saving: a save based on an older revision answers 409.",
  ),
  updatedAt: at,
  updatedBy: z.string().describe("Who saved the draft last."),
};

const savedDraftSchema = z.object({
  model: scoringModelComponent,
  ...draftFields,
  valid: z.literal(true),
});

export const getScoringDraft = defineContract({
  operationId: "getScoringDraft",
  method: "get",
  path: "/api/v1/scoring-model/draft",
  tag: "Scoring model",
  summary: "The draft model (or, until one is saved, the active model)",
  description:
    "Without a saved draft the active model is returned with `updatedAt` and `updatedBy` null. A saved draft that no longer validates (saved under an older model schema) is returned as saved with `valid: false`; publishing it answers 422. 404 when there is neither a draft nor a published model.",
  access: modelAccess.read,
  errors: ["not_found"],
  responses: {
    200: {
      description: "The draft",
      schema: data(
        z.discriminatedUnion("valid", [
          savedDraftSchema.extend({
            updatedAt: at.nullable().describe("Null when no draft is saved: the active model."),
            updatedBy: z.string().nullable(),
          }),
          z.object({
            model: z
              .record(z.string(), z.unknown())
              .describe("The document as saved: not a valid model."),
            ...draftFields,
            valid: z.literal(false),
          }),
        ]),
      ),
    },
  },
});

export const saveScoringDraft = defineContract({
  operationId: "saveScoringDraft",
  method: "put",
  path: "/api/v1/scoring-model/draft",
  tag: "Scoring model",
  summary: "Replace the draft with a model; nothing goes live until publish",
  description:
    "The model is validated whole: 422 lists every invalid field by its JSON path (`$.rules.0.points`) in `error.fields`. Defaults are filled in the saved model. Send `If-Match: <revision>` (the `revision` the draft was read at) so that a change someone else saved in between is never overwritten: the save then answers 409 with who changed it and when. Without the header the save replaces whatever is there.",
  access: modelAccess.write,
  body: z.unknown(),
  documentedBody: scoringModelComponent,
  maxBodyBytes: 2_000_000,
  errors: ["unprocessable", "conflict"],
  responses: { 200: { description: "The saved draft", schema: data(savedDraftSchema) } },
});

const histogramBinSchema = z.object({
  from: z.number(),
  to: z.number(),
  before: int.describe("Leads in this score range now."),
  after: int.describe("Leads in this score range under the previewed model."),
});

const moverSchema = z.object({
  leadId: z.guid(),
  name: z.string().nullable().describe("The lead's name, else its email or external id."),
  company: z.string().nullable(),
  before: z.number().nullable().describe("The current score; null when the lead has none."),
  after: z.number(),
});

export const previewScoringDraft = defineContract({
  operationId: "previewScoringDraft",
  method: "post",
  path: "/api/v1/scoring-model/draft/preview",
  tag: "Scoring model",
  summary:
    "The impact of the draft (or of the model in the body) on every lead, without publishing",
  description:
    "Without a body the saved draft is previewed (404 when there is none). A model is validated like the draft's (422 with JSON paths). Nothing is written. Both sides are scored at the same instant, so time passing (decay, windows) is never counted as a change (see `scoredFrom`). `against=live` (default) compares with the live model; `against=draft` with the saved draft — the effect of one edit on its own.",
  access: modelAccess.read,
  query: z.object({
    against: z
      .enum(["live", "draft"])
      .default("live")
      .describe("What the previewed model is compared with."),
  }),
  body: z.unknown(),
  documentedBody: scoringModelComponent,
  bodyOptional: true,
  maxBodyBytes: 2_000_000,
  errors: ["not_found", "unprocessable"],
  responses: {
    200: {
      description: "Counts before and after, the score distribution and the biggest movers",
      schema: data(
        z.object({
          leads: int,
          changed: int.describe("Leads whose score would change."),
          newlyMql: int.describe("Leads that would reach the MQL threshold."),
          droppedBelow: int.describe("Leads at or above today's threshold that would fall below."),
          mqlBefore: int,
          mqlAfter: int,
          handoffs: int.describe("Leads that would be handed over to sales on publish."),
          threshold: z.object({
            before: z.number().nullable().describe("The active threshold; null before a publish."),
            after: z.number(),
          }),
          histogram: z.array(histogramBinSchema).describe("20 equal bins over both distributions."),
          movers: z
            .array(moverSchema)
            .describe(
              "The 10 biggest score changes among the leads you may see (counts cover every lead).",
            ),
          ms: int.describe("Time taken, in milliseconds."),
          scoredFrom: z
            .enum(["earnings", "mixed", "events"])
            .describe(
              "How this preview scored the draft, and against the live model how publishing would: `earnings` when every event rule counts what a live rule counts (points, attribute rules and settings changed), so each new score follows from what each rule earned in the lead's current score, as of that score's time (seconds even on a large base; the preview is then exactly what publishing writes); `mixed` when some event rules count something new (a condition, window, cap or half-life changed, a rule added): only those rules' events are read again, as of the same time, and the other rules' earnings follow from the current score; `events` when every lead's events are read again.",
            ),
          activeVersion: int.nullable(),
        }),
      ),
    },
  },
});

export const publishScoringDraft = defineContract({
  operationId: "publishScoringDraft",
  method: "post",
  path: "/api/v1/scoring-model/publish",
  tag: "Scoring model",
  summary:
    "Publish the draft as a new version: every lead is rescored by a background job, then it goes live at once",
  description:
    "The draft is stored as version N and a job computes every lead's score under it beside the live scores, while events keep being accepted and scored by the live version; then one short step makes N live (the leads that moved meanwhile are rescored in it). Readers see the old scores or the new, never a mix; leads that now qualify are handed over to sales. With `Prefer: wait=N` (seconds, at most 120) the answer waits for the job: 200 with what publishing did when it finished in time, else 202 with the job to follow (GET /api/v1/jobs/{id}: progress is leads rescored / total). 404 without a saved draft; 409 while another publish is under way; 422 (with JSON paths) when the draft is not a valid model, or when the publish failed (the previous version stays live).",
  access: modelAccess.write,
  body: z.object({
    note: z
      .string()
      .trim()
      .max(2000, "Keep the note under 2,000 characters.")
      .default("")
      .describe("Why this version: shown in the history."),
  }),
  bodyOptional: true,
  maxBodyBytes: 100_000,
  errors: ["not_found", "conflict", "unprocessable"],
  responses: {
    200: {
      description:
        "The new version, live, and what publishing it did (it finished within the wait asked for)",
      schema: data(
        z.object({
          version: int,
          leadsRescored: int,
          handedOver: int.describe("Leads handed over to sales as MQLs by this publish."),
          ms: int.describe("Time taken, in milliseconds."),
        }),
      ),
    },
    202: {
      description: "The version is being built: follow the job",
      schema: data(
        z.object({
          jobId: z.guid(),
          version: int.describe("The version being published; live once the job is done."),
        }),
      ),
    },
  },
});

const countedSchema = z.object({ value: z.string(), count: int });

export const getScoringSuggestions = defineContract({
  operationId: "getScoringSuggestions",
  method: "get",
  path: "/api/v1/scoring-model/suggestions",
  tag: "Scoring model",
  summary: "Suggestions for the rule editor's pickers: events, an event's properties, field values",
  description:
    "Without `event`: event names ingested in the last 90 days, values seen for lead fields, and trait keys, each with counts. With `event`: that event's property keys (last 90 days) with their most frequent values.",
  access: modelAccess.read,
  query: z.object({
    event: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .describe("An event name: answer its properties instead."),
  }),
  responses: {
    200: {
      description: "Events, field values and traits; or, with `event`, its properties",
      schema: data(
        z.union([
          z.object({
            events: z.array(countedSchema),
            fields: z
              .array(z.object({ field: z.string(), values: z.array(countedSchema) }))
              .describe("Values seen for the text fields worth suggesting (jobTitle, company…)."),
            traits: z.array(countedSchema).describe("Custom trait keys (`traits.<key>`)."),
          }),
          z.object({
            properties: z.array(
              z.object({ key: z.string(), count: int, values: z.array(countedSchema) }),
            ),
          }),
        ]),
      ),
    },
  },
});

const versionMeta = {
  version: int,
  note: z.string(),
  publishedAt: at,
  leadsRescored: int.describe("Leads rescored by the publish."),
  durationMs: int.describe("How long the publish took."),
};

export const listScoringVersions = defineContract({
  operationId: "listScoringVersions",
  method: "get",
  path: "/api/v1/scoring-model/versions",
  tag: "Scoring model",
  summary: "Published versions, newest first",
  access: modelAccess.read,
  responses: {
    200: {
      description: "Every published version, without its model",
      schema: data(
        z.array(
          z.object({
            ...versionMeta,
            authorLabel: z.string().describe("Who published it."),
            name: z.string().describe("The model's name."),
          }),
        ),
      ),
    },
  },
});

export const getScoringVersion = defineContract({
  operationId: "getScoringVersion",
  method: "get",
  path: "/api/v1/scoring-model/versions/{version}",
  tag: "Scoring model",
  summary: "One published version: its model, author, note, publish time and cost",
  access: modelAccess.read,
  params: versionParams,
  responses: {
    200: {
      description: "The version",
      schema: data(
        z.object({
          ...versionMeta,
          author: z.string().describe("Who published it."),
          model: scoringModelComponent,
        }),
      ),
    },
  },
});

export const restoreScoringVersion = defineContract({
  operationId: "restoreScoringVersion",
  method: "post",
  path: "/api/v1/scoring-model/versions/{version}/restore",
  tag: "Scoring model",
  summary: "Copy a published version into the draft, replacing it (nothing is published)",
  description:
    "The draft's base becomes the active version, so its preview and diff compare with what scores leads today. Nothing is rescored.",
  access: modelAccess.write,
  params: versionParams,
  responses: {
    200: {
      description: "The new draft",
      schema: data(savedDraftSchema.extend({ restoredFrom: int })),
    },
  },
});

export const getThresholdEvidence = defineContract({
  operationId: "getThresholdEvidence",
  method: "get",
  path: "/api/v1/thresholds/evidence",
  tag: "Scoring model",
  summary:
    "Evidence for choosing the MQL threshold: scores now, and past handoffs backtested under the draft (or live) model, per week and by score with their outcomes",
  description:
    "Aggregated into whole-point buckets (the floor of the score), so every figure is exact for whole-number thresholds. Past handoffs of the backtest window (the 26 weeks up to the latest handoff) are scored under the judged model as of each handoff — the threshold assistant's backtest and definitions: MQLs per week are handoffs at or above a threshold over the weeks covered (from `historySince`); a handoff is decided once it reached the report target (converted), closed without it, or stayed open beyond the outcome window.",
  access: { permission: "thresholds:read", scope: "model:read" },
  query: z.object({
    model: judgedModelSchema.describe("The model judged: draft (default) or live."),
  }),
  responses: {
    200: {
      description: "Bucketed evidence",
      schema: data(
        z.object({
          scores: z.array(z.object({ score: int, leads: int })).describe("Current scores."),
          weeks: z
            .array(
              z.object({
                start: at,
                handoffs: z
                  .array(z.object({ score: int, mqls: int }))
                  .describe("That week's past handoffs by whole backtested score."),
              }),
            )
            .describe("The backtest window's weeks, oldest first."),
          historySince: at
            .nullable()
            .describe("The window's first handoff: weeks ending before it are not counted."),
          handoffs: z
            .array(z.object({ score: int, mqls: int, decided: int, converted: int }))
            .describe("Past handoffs of the window by their backtested score."),
          model: z.enum(["live", "draft"]).describe("The model the handoffs were scored under."),
          target: z.enum(OUTCOME_TARGETS).describe("The stage that counts as converted."),
          unrecorded: int.describe(
            "Handoffs without a record of the lead's attributes then, read as the lead is now.",
          ),
        }),
      ),
    },
  },
});

export const SCORING_CONTRACTS = [
  getScoringModel,
  getScoringDraft,
  saveScoringDraft,
  previewScoringDraft,
  publishScoringDraft,
  getScoringSuggestions,
  listScoringVersions,
  getScoringVersion,
  restoreScoringVersion,
  getThresholdEvidence,
];
