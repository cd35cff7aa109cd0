/**
 * The OpenAPI 3.1 document of API v1, generated from the same zod schemas the routes validate
 * with (z.toJSONSchema), so it cannot drift from what the server accepts.
 */
import { z } from "zod";
import { API_SCOPES } from "@/lib/auth/scopes";
import { eventBatchSchema, eventInputSchema } from "@/lib/domain/ingest/schemas";
import { leadInputSchema } from "@/lib/domain/leads/lead-input";
import { listLeadsSchema } from "@/lib/domain/leads/list-leads";
import { scoringModelSchema } from "@/lib/domain/scoring/model";
import {
  assignInputSchema,
  decisionInputSchema,
  touchInputSchema,
} from "@/lib/domain/decisions/schemas";
import { inboxQuerySchema } from "@/lib/domain/inbox/schemas";
import { markReadSchema, notificationsQuerySchema } from "@/lib/domain/notifications/schemas";
import {
  reasonCreateSchema,
  reasonsQuerySchema,
  reasonUpdateSchema,
} from "@/lib/domain/reasons/schemas";
import { policiesInputSchema } from "@/lib/domain/sla/schemas";
import {
  leadPredictionSchema,
  predictiveResponseSchema,
  recalibrationDraftResponseSchema,
  thresholdResponseSchema,
  trainResponseSchema,
} from "@/lib/http/contracts/predict-responses";
import { draftChangesSchema, thresholdQuerySchema } from "@/lib/domain/predict/schemas";
import {
  funnelQuerySchema,
  reasonsQuerySchema as reasonsReportQuerySchema,
  reportQuerySchema,
  targetQuerySchema,
} from "@/lib/domain/reports/query-schema";
import { reportSettingsSchema } from "@/lib/domain/reports/settings";
import {
  MAX_OUTCOMES,
  outcomeBatchSchema,
  outcomeInputSchema,
  outcomesResponseSchema,
} from "@/lib/domain/outcomes/outcome-schemas";
import {
  decisionResponseSchema,
  inboxResponseSchema,
  leadSalesSchema,
  touchResponseSchema,
} from "@/lib/http/contracts/sales-responses";
import {
  errorResponseSchema,
  ingestResponseSchema,
  leadResponseSchema,
  previewResponseSchema,
  publishResponseSchema,
  segmentResponseSchema,
} from "@/lib/http/contracts/responses";

const json = (schema: z.ZodType, io: "input" | "output" = "output") =>
  z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

const content = (schema: z.ZodType, io: "input" | "output" = "output") => ({
  "application/json": { schema: json(schema, io) },
});

const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((c) => [
      String(c),
      {
        description:
          {
            400: "Invalid input, with field errors",
            401: "No valid API key or session",
            403: "Missing scope or role",
            404: "Not found",
            413: "Too large",
            422: "Invalid model, with the JSON path of every invalid field",
          }[c] ?? "Error",
        content: content(errorResponseSchema),
      },
    ]),
  );

function queryParameters(schema: z.ZodObject) {
  const shape = json(schema, "input") as { properties: Record<string, object> };
  return Object.entries(shape.properties).map(([name, s]) => ({
    name,
    in: "query",
    required: false,
    schema: s,
  }));
}

const versionParameter = {
  name: "version",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
};

const security = (scope: string) => [{ apiKey: [scope] }, { basicWriteKey: [scope] }];

/** Routes for signed-in people (the app's session cookie), not API keys. */
const session = [{ session: [] }];
const leadIdParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "string", format: "uuid" },
};
const reasonIdParameter = {
  name: "id",
  in: "path",
  required: true,
  schema: { type: "integer", minimum: 1 },
};

function salesPaths() {
  return {
    "/api/v1/inbox": {
      get: {
        summary:
          "The signed-in rep's open MQLs and SALs (a manager's team and the unassigned queue), most urgent SLA first, then grade, score, recency",
        security: session,
        parameters: queryParameters(inboxQuerySchema),
        responses: {
          200: {
            description:
              "Rows with score, grade, top receipt reasons, handoff time, SLA deadlines, touches done / required and breach flags; Server-Timing header",
            content: content(inboxResponseSchema),
          },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/inbox/reps": {
      get: {
        summary:
          "The reps a manager can filter by and reassign to, with open MQLs, capacity and away status",
        security: session,
        responses: { 200: { description: "Reps" }, ...errors(401, 403) },
      },
    },
    "/api/v1/leads/{id}/touches": {
      post: {
        summary: "Log a touch attempt (call, email, meeting, LinkedIn) on a lead you may act on",
        security: session,
        parameters: [leadIdParameter],
        requestBody: { required: true, content: content(touchInputSchema, "input") },
        responses: {
          201: {
            description: "The touch and the lead's current SLA clock",
            content: content(touchResponseSchema),
          },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/leads/{id}/decisions": {
      post: {
        summary:
          "Accept (MQL → SAL, BANT), qualify (SAL → SQL), reject (→ recycled, reject reason) or disqualify (disqualify reason); recorded with the score and model version",
        security: session,
        parameters: [leadIdParameter],
        requestBody: { required: true, content: content(decisionInputSchema, "input") },
        responses: {
          201: {
            description: "The decision and the lead's new stage",
            content: content(decisionResponseSchema),
          },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/leads/{id}/assign": {
      post: {
        summary:
          "Reassign an open MQL or SAL to another rep of your team (managers); the SLA clock restarts",
        security: session,
        parameters: [leadIdParameter],
        requestBody: { required: true, content: content(assignInputSchema, "input") },
        responses: {
          200: { description: "The new owner and SLA clock" },
          ...errors(400, 401, 403, 404, 409, 422),
        },
      },
    },
    "/api/v1/sla-policies": {
      get: {
        summary: "The SLA tiers in order (the first a lead meets applies)",
        security: session,
        responses: { 200: { description: "Tiers" }, ...errors(401, 403) },
      },
      put: {
        summary: "Replace the SLA tiers (admins and managers); running clocks keep their terms",
        security: session,
        requestBody: { required: true, content: content(policiesInputSchema, "input") },
        responses: { 200: { description: "The saved tiers" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/reasons": {
      get: {
        summary:
          "The agreed reject and disqualify reasons, in order, labelled in English and French",
        security: session,
        parameters: queryParameters(reasonsQuerySchema),
        responses: { 200: { description: "Reasons" }, ...errors(400, 401, 403) },
      },
      post: {
        summary: "Add a reason (admins and managers)",
        security: session,
        requestBody: { required: true, content: content(reasonCreateSchema, "input") },
        responses: { 201: { description: "The reason" }, ...errors(400, 401, 403, 422) },
      },
    },
    "/api/v1/reasons/{id}": {
      patch: {
        summary: "Relabel, move, archive or restore a reason (admins and managers)",
        security: session,
        parameters: [reasonIdParameter],
        requestBody: { required: true, content: content(reasonUpdateSchema, "input") },
        responses: { 200: { description: "The reason" }, ...errors(400, 401, 403, 404) },
      },
      delete: {
        summary: "Delete a reason never used; one a decision has used is archived instead",
        security: session,
        parameters: [reasonIdParameter],
        responses: { 200: { description: "{ deleted, reason }" }, ...errors(401, 403, 404) },
      },
    },
    "/api/v1/notifications": {
      get: {
        summary:
          "Your notifications (SLA breaches for managers), newest first, with the unread count",
        security: session,
        parameters: queryParameters(notificationsQuerySchema),
        responses: { 200: { description: "Notifications" }, ...errors(400, 401, 403) },
      },
    },
    "/api/v1/notifications/read": {
      post: {
        summary: "Mark notifications read: { ids } or { all: true }",
        security: session,
        requestBody: { required: true, content: content(markReadSchema, "input") },
        responses: { 200: { description: "How many were marked" }, ...errors(400, 401, 403) },
      },
    },
  };
}

function reportPaths() {
  const readers = [...security("reports:read"), ...session];
  const report = (summary: string, schema: z.ZodObject, name: string) => ({
    get: {
      summary,
      security: readers,
      parameters: queryParameters(schema),
      responses: {
        200: {
          description: `{ data: report } as JSON, or with format=csv a CSV attachment (accord-${name}.csv); Server-Timing: report;dur=<ms>. Dates: from and to are days (YYYY-MM-DD, UTC), both included.`,
          content: { "text/csv": { schema: { type: "string" } } },
        },
        ...errors(400, 401, 403),
      },
    },
  });
  return {
    "/api/v1/reports/funnel": report(
      "MQL → SAL → SQL → opportunity → won by weekly or monthly handoff cohort, split by source, band, grade, rep or team",
      funnelQuerySchema,
      "funnel",
    ),
    "/api/v1/reports/calibration": report(
      "Conversion to a target per score band and decile of decided handoffs, with Wilson 95 % intervals and band inversions",
      targetQuerySchema,
      "calibration",
    ),
    "/api/v1/reports/rules": report(
      "Lift of each rule of the active model among decided handoffs (rule hits as of the handoff)",
      targetQuerySchema,
      "rules",
    ),
    "/api/v1/reports/sla": report(
      "SLA compliance and time to first touch per rep, team and overall; distribution and breaches per week",
      reportQuerySchema,
      "sla",
    ),
    "/api/v1/reports/reasons": report(
      "Reject and disqualify reasons per week or month, zero-filled, with spikes",
      reasonsReportQuerySchema,
      "reasons",
    ),
    "/api/v1/reports/settings": {
      get: {
        summary: "The funnel's target rate and stage and the outcome window",
        security: readers,
        responses: { 200: { description: "Settings" }, ...errors(401, 403) },
      },
      put: {
        summary: "Replace the report settings (admins and managers)",
        security: session,
        requestBody: { required: true, content: content(reportSettingsSchema, "input") },
        responses: { 200: { description: "The saved settings" }, ...errors(400, 401, 403) },
      },
    },
  };
}

function recalibrationPaths() {
  return {
    "/api/v1/recalibration/threshold": {
      get: {
        summary:
          "Recommended MQL threshold for a target conversion rate and the reps' weekly capacity, backtested on the last N weeks of handoffs (admins, managers, marketers)",
        security: [...security("reports:read"), ...session],
        parameters: queryParameters(thresholdQuerySchema),
        responses: {
          200: {
            description:
              "The recommendation, the current threshold's figures and the curve of every candidate",
            content: content(thresholdResponseSchema),
          },
          ...errors(400, 401, 403),
        },
      },
    },
    "/api/v1/recalibration/draft": {
      post: {
        summary:
          "Write picked suggestions (threshold, rule points, new attribute rules) into the draft model; never publishes",
        security: session,
        requestBody: { required: true, content: content(draftChangesSchema, "input") },
        responses: {
          200: {
            description: "The draft and the list of changes made",
            content: content(recalibrationDraftResponseSchema),
          },
          ...errors(400, 401, 403, 404, 422),
        },
      },
    },
    "/api/v1/predictive": {
      get: {
        summary:
          "The latest training run of the predictive score: AUC per fold, calibration, coefficients, rule suggestions (null before the first)",
        security: [...security("reports:read"), ...session],
        responses: {
          200: { description: "Summary or null", content: content(predictiveResponseSchema) },
          ...errors(401, 403),
        },
      },
    },
    "/api/v1/predictive/train": {
      post: {
        summary:
          "Train the predictive score on decided handoffs now, then rescore open leads (admins, managers)",
        security: session,
        responses: {
          200: {
            description:
              "The new run (status insufficient below 200 decided / 40 converted handoffs)",
            content: content(trainResponseSchema),
          },
          ...errors(401, 403),
        },
      },
    },
  };
}

export function openApiDocument(serverUrl: string) {
  const eventsBody = eventBatchSchema.extend({ events: z.array(eventInputSchema).max(1000) });
  return {
    openapi: "3.1.0",
    info: {
      title: "Accord API",
      version: "1.0.0",
      description:
        "Lead scoring with receipts. Send events and leads, read scores and explanations, manage the scoring model. Authenticate with `Authorization: Bearer <API key>`.",
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        apiKey: {
          type: "http",
          scheme: "bearer",
          description: `An Accord API key (acc_…). Scopes: ${API_SCOPES.join(", ")}.`,
        },
        basicWriteKey: {
          type: "http",
          scheme: "basic",
          description: "Segment-style: the API key as the Basic username, empty password.",
        },
        session: {
          type: "apiKey",
          in: "cookie",
          name: "authjs.session-token",
          description:
            "A signed-in user's session (the web app's routes for people, not API keys).",
        },
      },
      schemas: {
        ScoringModel: json(scoringModelSchema, "input"),
        Error: json(errorResponseSchema),
      },
    },
    paths: {
      "/api/v1/events": {
        post: {
          summary: "Ingest events (at most 1,000 per call); stored and scored in one transaction",
          security: security("events:write"),
          requestBody: { required: true, content: content(eventsBody, "input") },
          responses: {
            200: {
              description: "Counts and per-event errors",
              content: content(ingestResponseSchema),
            },
            ...errors(400, 401, 403, 413),
          },
        },
      },
      "/api/v1/leads": {
        get: {
          summary: "List leads (filter by email, stage, owner; paginated)",
          security: security("leads:read"),
          parameters: queryParameters(listLeadsSchema),
          responses: { 200: { description: "A page of leads" }, ...errors(400, 401, 403) },
        },
        post: {
          summary: "Create or update leads by email or external id: one lead, or { leads: [ … ] }",
          security: security("leads:write"),
          requestBody: {
            required: true,
            content: content(
              z.union([leadInputSchema, z.object({ leads: z.array(leadInputSchema).max(1000) })]),
              "input",
            ),
          },
          responses: {
            200: { description: "Updated" },
            201: { description: "Created" },
            ...errors(400, 401, 403, 413),
          },
        },
      },
      "/api/v1/outcomes": {
        post: {
          summary: `Record CRM outcomes (opportunity, customer = won) as lifecycle transitions, at most ${MAX_OUTCOMES} per call. The stage only moves forward; the same lead and stage twice is recorded once. 200 when any item was recorded or skipped, 400 (with the same data) when every item was refused`,
          security: security("leads:write"),
          requestBody: {
            required: true,
            content: content(
              outcomeBatchSchema.extend({
                outcomes: z.array(outcomeInputSchema).max(MAX_OUTCOMES),
              }),
              "input",
            ),
          },
          responses: {
            200: {
              description: "Counts and per-item errors",
              content: content(outcomesResponseSchema),
            },
            ...errors(400, 401, 403, 413),
          },
        },
      },
      ...salesPaths(),
      ...reportPaths(),
      "/api/v1/leads/{id}": {
        get: {
          summary:
            "A lead with its score and receipt, lifecycle transitions, decisions, touches and SLA clocks",
          security: security("leads:read"),
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
          responses: {
            200: {
              description: "The lead",
              content: content(
                z.object({
                  data: leadResponseSchema.shape.data
                    .extend(leadSalesSchema.shape)
                    .extend({ prediction: leadPredictionSchema.nullable() }),
                }),
              ),
            },
            ...errors(401, 403, 404),
          },
        },
      },
      "/api/v1/scoring-model": {
        get: {
          summary: "The active model version",
          security: security("model:read"),
          responses: { 200: { description: "Active model" }, ...errors(401, 403, 404) },
        },
      },
      "/api/v1/scoring-model/draft": {
        get: {
          summary: "The draft model",
          security: security("model:read"),
          responses: { 200: { description: "Draft" }, ...errors(401, 403, 404) },
        },
        put: {
          summary: "Replace the draft",
          security: security("model:write"),
          requestBody: {
            required: true,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/ScoringModel" } },
            },
          },
          responses: { 200: { description: "Saved" }, ...errors(400, 401, 403, 422) },
        },
      },
      "/api/v1/scoring-model/draft/preview": {
        post: {
          summary:
            "Impact of the draft (or of the model in the body) on every lead, without publishing",
          security: security("model:read"),
          requestBody: {
            required: false,
            content: {
              "application/json": { schema: { $ref: "#/components/schemas/ScoringModel" } },
            },
          },
          responses: {
            200: { description: "Impact", content: content(previewResponseSchema) },
            ...errors(401, 403, 404, 422),
          },
        },
      },
      "/api/v1/scoring-model/publish": {
        post: {
          summary: "Publish the draft as a new version and rescore every lead, atomically",
          security: security("model:write"),
          requestBody: {
            required: false,
            content: content(z.object({ note: z.string().max(2000).optional() }), "input"),
          },
          responses: {
            200: { description: "Published", content: content(publishResponseSchema) },
            ...errors(401, 403, 404, 422),
          },
        },
      },
      "/api/v1/scoring-model/versions": {
        get: {
          summary: "Published versions, newest first",
          security: security("model:read"),
          responses: { 200: { description: "Versions" }, ...errors(401, 403) },
        },
      },
      "/api/v1/scoring-model/versions/{version}": {
        get: {
          summary: "One published version: its model, author, note, publish time and cost",
          security: security("model:read"),
          parameters: [versionParameter],
          responses: { 200: { description: "The version" }, ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/scoring-model/versions/{version}/restore": {
        post: {
          summary: "Copy a published version into the draft, replacing it (nothing is published)",
          security: security("model:write"),
          parameters: [versionParameter],
          responses: { 200: { description: "The new draft" }, ...errors(400, 401, 403, 404) },
        },
      },
      "/api/v1/thresholds/evidence": {
        get: {
          summary:
            "Evidence for choosing the MQL threshold: current scores per point, 12 weeks of crossings replayed from score history, past handoffs by score with their sales outcome",
          security: security("model:read"),
          responses: { 200: { description: "Bucketed evidence" }, ...errors(401, 403) },
        },
      },
      ...recalibrationPaths(),
      "/api/segment/v1/{type}": {
        post: {
          summary: "Segment-compatible tracking API: batch, identify, track, page (gzip accepted)",
          security: [{ basicWriteKey: ["events:write"] }, { apiKey: ["events:write"] }],
          parameters: [
            {
              name: "type",
              in: "path",
              required: true,
              schema: { type: "string", enum: ["batch", "identify", "track", "page"] },
            },
          ],
          responses: {
            200: {
              description: "Counts and per-message errors",
              content: content(segmentResponseSchema),
            },
            ...errors(400, 401, 403, 413),
          },
        },
      },
    },
  };
}
