import { describe, expect, it } from "vitest";
import { openApiDocument } from "./openapi";

describe("OpenAPI document", () => {
  const doc = openApiDocument("https://accord.example") as unknown as {
    openapi: string;
    paths: Record<
      string,
      Record<
        string,
        { requestBody?: { content: Record<string, { schema: Record<string, unknown> }> } }
      >
    >;
    components: {
      schemas: { ScoringModel: { properties: Record<string, unknown>; required: string[] } };
    };
  };

  it("describes every v1 route", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api/segment/v1/{type}",
      "/api/v1/events",
      "/api/v1/inbox",
      "/api/v1/inbox/reps",
      "/api/v1/leads",
      "/api/v1/leads/{id}",
      "/api/v1/leads/{id}/assign",
      "/api/v1/leads/{id}/decisions",
      "/api/v1/leads/{id}/touches",
      "/api/v1/notifications",
      "/api/v1/notifications/read",
      "/api/v1/outcomes",
      "/api/v1/predictive",
      "/api/v1/predictive/train",
      "/api/v1/reasons",
      "/api/v1/reasons/{id}",
      "/api/v1/recalibration/draft",
      "/api/v1/recalibration/threshold",
      "/api/v1/reports/calibration",
      "/api/v1/reports/funnel",
      "/api/v1/reports/reasons",
      "/api/v1/reports/rules",
      "/api/v1/reports/settings",
      "/api/v1/reports/sla",
      "/api/v1/scoring-model",
      "/api/v1/scoring-model/draft",
      "/api/v1/scoring-model/draft/preview",
      "/api/v1/scoring-model/publish",
      "/api/v1/scoring-model/versions",
      "/api/v1/scoring-model/versions/{version}",
      "/api/v1/scoring-model/versions/{version}/restore",
      "/api/v1/sla-policies",
      "/api/v1/thresholds/evidence",
    ]);
  });

  it("takes its request shapes from the validation schemas", () => {
    const events = doc.paths["/api/v1/events"].post.requestBody!.content["application/json"]
      .schema as {
      properties: {
        events: {
          maxItems: number;
          items: { required: string[]; properties: Record<string, unknown> };
        };
      };
    };
    expect(events.properties.events.maxItems).toBe(1000);
    expect(events.properties.events.items.required).toEqual(expect.arrayContaining(["id", "name"]));
    expect(Object.keys(events.properties.events.items.properties)).toEqual([
      "id",
      "email",
      "leadId",
      "userId",
      "name",
      "properties",
      "occurredAt",
    ]);
    const decision = doc.paths["/api/v1/leads/{id}/decisions"].post.requestBody!.content[
      "application/json"
    ].schema as {
      oneOf?: { properties: { kind: { const: string } } }[];
      anyOf?: { properties: { kind: { const: string } } }[];
    };
    expect((decision.oneOf ?? decision.anyOf)!.map((v) => v.properties.kind.const)).toEqual([
      "accept",
      "qualify",
      "reject",
      "disqualify",
    ]);
    expect(doc.components.schemas.ScoringModel.required).toEqual(
      expect.arrayContaining(["name", "mqlThreshold", "bands", "rules"]),
    );
  });
});
