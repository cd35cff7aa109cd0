import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ALL_CONTRACTS } from "./contracts";
import { openApiDocument } from "./openapi";

type Operation = {
  operationId?: string;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<string, unknown>;
};

describe("OpenAPI document", () => {
  const doc = openApiDocument("https://accord.example") as unknown as {
    openapi: string;
    paths: Record<string, Record<string, Operation>>;
  };

  it("has one operation per contract, each with its operationId and a 4xx answer unless public", () => {
    expect(doc.openapi).toBe("3.1.0");
    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(operations.map((o) => o.operationId).sort()).toEqual(
      ALL_CONTRACTS.map((c) => c.operationId).sort(),
    );
    for (const contract of ALL_CONTRACTS.filter((c) => !c.access.public)) {
      const op = doc.paths[contract.path][contract.method];
      expect(Object.keys(op.responses), contract.operationId).toEqual(
        expect.arrayContaining(["401", "403"]),
      );
    }
  });

  it("passes `redocly lint` with no error", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "accord-openapi-")), "openapi.json");
    writeFileSync(file, JSON.stringify(doc));
    const bin = path.resolve(import.meta.dirname, "../../node_modules/.bin/redocly");
    let output = "";
    let failed = false;
    try {
      output = execFileSync(bin, ["lint", file, "--format=json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      });
    } catch (error) {
      failed = true;
      output = String((error as { stdout?: string }).stdout ?? error);
    }
    const report = JSON.parse(output.slice(output.indexOf("{"))) as {
      totals: { errors: number };
      problems: {
        ruleId: string;
        severity: string;
        message: string;
        location: { pointer: string }[];
      }[];
    };
    const errors = report.problems
      .filter((p) => p.severity === "error")
      .map((p) => `${p.ruleId}: ${p.message} at ${p.location[0]?.pointer}`);
    expect(errors).toEqual([]);
    expect(report.totals.errors).toBe(0);
    expect(failed).toBe(false);
  }, 60_000);

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
  });
});
