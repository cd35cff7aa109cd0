/**
 * The evaluator (JavaScript, one lead) and the compiler (SQL, all leads) must agree on every
 * model, lead and event. fast-check generates them at random, including the awkward cases:
 * case and accents, empty strings, numbers as text, nested and missing properties, future
 * events, ties in time, caps, decay and maxCount — and on the receipt's top lines, which the
 * compiler can compute too (stored with each score for the inbox and webhooks).
 */
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { queryRows } from "@/db/client";
import { events, leads } from "@/db/schema";
import { createTestDb, type TestDb } from "@/db/testing";
import { compileScores } from "./compile";
import { topFromEarned, topLines } from "./top-lines";
import { evaluate, type ScoredEvent } from "./evaluate";
import type { ScoredLead } from "./fields";
import { scoringModelSchema, type ScoringModelInput } from "./model";

const asOf = new Date("2026-11-23T12:00:00.000Z");
const DAY = 86_400_000;

const words = [
  "ceo",
  "CEO",
  "Vp Sales",
  "étudiant",
  "ÉTUDIANT",
  "Student",
  "tech",
  "Technology",
  "x",
  "",
  "42",
  "7.5",
  "-3",
];
const texts = fc.constantFrom(...words);
const numbers = fc.constantFrom(-5, 0, 1.5, 7.5, 10, 42, 200, 1000);
const maybeText = fc.option(texts, { nil: null });
const traitValue = fc.oneof(
  texts,
  numbers,
  fc.boolean(),
  fc.constant(null),
  fc.constant({ nested: 1 }),
);

const leadArb = fc.record({
  jobTitle: maybeText,
  industry: maybeText,
  country: fc.option(fc.constantFrom("FR", "fr", "US", "GB", ""), { nil: null }),
  companySize: fc.option(fc.constantFrom(0, 10, 50, 200, 500, 5000), { nil: null }),
  traits: fc
    .dictionary(fc.constantFrom("k", "tier", "plan"), traitValue, { maxKeys: 3 })
    .map((d) => ({ ...d })),
});

const eventArb = fc.record({
  name: fc.constantFrom("A", "B", "C"),
  properties: fc
    .dictionary(
      fc.constantFrom("p", "q", "n"),
      fc.oneof(texts, numbers, fc.boolean(), fc.constant(null), fc.constant({ deep: "x" })),
      { maxKeys: 3 },
    )
    .map((d) => ({ ...d })),
  // Mostly the past 200 days; some stamped slightly in the future; some sharing a timestamp.
  offsetMs: fc.oneof(fc.integer({ min: -2 * DAY, max: 200 * DAY }), fc.constant(5 * DAY)),
});

const conditionArb = fc.oneof(
  fc.record({
    op: fc.constantFrom("eq", "neq"),
    value: fc.oneof(
      texts.filter((t) => t !== ""),
      numbers,
    ),
  }),
  fc.record({
    op: fc.constant("in"),
    value: fc.array(
      fc.oneof(
        texts.filter((t) => t !== ""),
        numbers,
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
  fc.record({
    op: fc.constantFrom("contains", "startsWith"),
    value: texts.filter((t) => t !== ""),
  }),
  fc.record({ op: fc.constantFrom("gte", "lte"), value: numbers }),
  fc.record({
    op: fc.constant("between"),
    value: fc.tuple(numbers, numbers).map(([a, b]) => [Math.min(a, b), Math.max(a, b)]),
  }),
  fc.record({ op: fc.constantFrom("known", "unknown") }),
);

const points = fc.oneof(fc.integer({ min: -30, max: 60 }), fc.constantFrom(2.5, 0.1));

const attributeRuleArb = fc.record({
  kind: fc.constant("attribute" as const),
  field: fc.constantFrom(
    "jobTitle",
    "industry",
    "country",
    "companySize",
    "traits.k",
    "traits.tier",
    "traits.missing",
  ),
  condition: conditionArb,
  points,
});

const eventRuleArb = fc.record({
  kind: fc.constant("event" as const),
  event: fc.constantFrom("A", "B", "C"),
  where: fc.array(
    fc.record({
      property: fc.constantFrom("p", "q", "n", "n.deep", "missing"),
      condition: conditionArb,
    }),
    { maxLength: 2 },
  ),
  points,
  maxCount: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  withinDays: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  halfLifeDays: fc.option(fc.constantFrom(1, 7, 30, 45.5), { nil: undefined }),
});

const modelArb = fc
  .record({
    rules: fc.array(fc.oneof(attributeRuleArb, eventRuleArb), { minLength: 1, maxLength: 8 }),
    caps: fc.record({
      fit: fc.option(fc.constantFrom(0, 20, 50), { nil: null }),
      engagement: fc.option(fc.constantFrom(10, 40, 100), { nil: null }),
      total: fc.option(fc.constantFrom(30, 100), { nil: null }),
    }),
  })
  .map(({ rules, caps }): ScoringModelInput => ({
    name: "random",
    mqlThreshold: 50,
    bands: [
      { name: "low", min: 0 },
      { name: "mid", min: 20 },
      { name: "high", min: 60 },
    ],
    caps,
    rules: rules.map((r, i) =>
      r.kind === "attribute"
        ? {
            id: `r${i}`,
            label: `rule ${i}`,
            kind: "attribute",
            field: r.field,
            ...r.condition,
            points: r.points,
          }
        : {
            id: `r${i}`,
            label: `rule ${i}`,
            kind: "event",
            event: r.event,
            where: r.where.map((w) => ({ property: w.property, ...w.condition })),
            points: r.points,
            ...(r.maxCount ? { maxCount: r.maxCount } : {}),
            ...(r.withinDays ? { withinDays: r.withinDays } : {}),
            ...(r.halfLifeDays ? { halfLifeDays: r.halfLifeDays } : {}),
          },
    ),
  }));

type Row = {
  lead_id: string;
  fit: number;
  engagement: number;
  total: number;
  fit_grade: string;
  engagement_grade: number;
  band: string;
  earned?: number[];
};

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t?.close());

const close = (a: number, b: number) =>
  Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

describe("evaluator and SQL compiler", () => {
  it("agree on random models, leads and events", async () => {
    await fc.assert(
      fc.asyncProperty(
        modelArb,
        fc.array(fc.tuple(leadArb, fc.array(eventArb, { maxLength: 12 })), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        async (input, population, withReasons) => {
          const model = scoringModelSchema.parse(input);
          await t.db.execute(sql`truncate ${leads}, lead_scores cascade`);
          const inserted = await t.db
            .insert(leads)
            .values(population.map(([l], i) => ({ email: `l${i}@diff.test`, ...l })))
            .returning();
          const eventRows = population.flatMap(([, evs], i) =>
            evs.map((e) => ({
              leadId: inserted[i].id,
              name: e.name,
              properties: e.properties,
              occurredAt: new Date(asOf.getTime() - e.offsetMs),
            })),
          );
          const storedEvents = eventRows.length
            ? await t.db.insert(events).values(eventRows).returning()
            : [];
          const rows = await queryRows<Row>(
            t.db,
            compileScores(model, { asOf, earned: withReasons }),
          );
          expect(rows).toHaveLength(inserted.length);
          for (const row of rows) {
            const lead = inserted.find((l) => l.id === row.lead_id)!;
            const own: ScoredEvent[] = storedEvents
              .filter((e) => e.leadId === lead.id)
              .map((e) => ({
                id: e.id,
                name: e.name,
                properties: e.properties,
                occurredAt: e.occurredAt,
              }));
            const expected = evaluate(model, lead as ScoredLead, own, asOf);
            const context = JSON.stringify({ model: input, lead, events: own });
            expect(
              close(row.fit, expected.fit),
              `fit ${row.fit} vs ${expected.fit}\n${context}`,
            ).toBe(true);
            expect(
              close(row.engagement, expected.engagement),
              `engagement ${row.engagement} vs ${expected.engagement}\n${context}`,
            ).toBe(true);
            expect(
              close(row.total, expected.total),
              `total ${row.total} vs ${expected.total}\n${context}`,
            ).toBe(true);
            expect([row.fit_grade, Number(row.engagement_grade), row.band], context).toEqual([
              expected.fitGrade,
              expected.engagementGrade,
              expected.band,
            ]);
            // The earnings stored with a score give the top lines the receipt shows.
            if (withReasons)
              expect(topFromEarned(model, row.earned!), `reasons\n${context}`).toEqual(
                topLines(expected.receipt.lines),
              );
            else expect(row.earned, context).toBeUndefined();
          }
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);
});
