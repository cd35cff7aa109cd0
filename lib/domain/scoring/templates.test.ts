import { describe, expect, it } from "vitest";
import { evaluate, type ScoredEvent } from "./evaluate";
import { scoringModelSchema } from "./model";
import { template, TEMPLATES, type TemplateId } from "./templates";

const asOf = new Date("2026-11-23T12:00:00Z");
const daysAgo = (d: number) => new Date(asOf.getTime() - d * 86_400_000);
let nextId = 1;
const ev = (name: string, properties: Record<string, unknown>, age: number): ScoredEvent => ({
  id: nextId++,
  name,
  properties,
  occurredAt: daysAgo(age),
});

describe("starter templates", () => {
  it.each(Object.keys(TEMPLATES) as TemplateId[])("%s is a valid model", (id) => {
    expect(scoringModelSchema.safeParse(TEMPLATES[id]).success).toBe(true);
  });
});

describe("seed 003: Thibault", () => {
  // Tuesday: a LinkedIn post click; Wednesday: the website; Friday: a guide; next week: a question on social media.
  const events = [
    ev("Link Clicked", { channel: "linkedin" }, 13),
    ev("Page Viewed", { path: "/product" }, 12),
    ev("Content Downloaded", { asset_type: "guide", content_type: "high_velocity" }, 10),
    ev("Question Asked", { channel: "social" }, 6),
  ];
  const lead = { id: "thibault", country: "FR", phone: "+33 6 12 34 56 78" };

  it("scores 110 points with a four-line receipt", () => {
    const score = evaluate(template("seed-003-telecom"), lead, events, asOf);
    expect(score.total).toBe(110);
    expect(score.receipt.lines.map((l) => [l.ruleId, l.earned])).toEqual([
      ["click", 15],
      ["visit", 15],
      ["guide", 30],
      ["question", 50],
    ]);
    expect(score.band).toBe("hot");
  });

  it("follows a rule's new points", () => {
    const model = template("seed-003-telecom");
    model.rules.find((r) => r.id === "guide")!.points = 40;
    expect(evaluate(model, lead, events, asOf).total).toBe(120);
  });
});

describe("seed 001: the global SaaS persona", () => {
  const model = template("seed-001-saas");
  const vp = {
    id: "p",
    seniority: "vp",
    jobTitle: "VP Marketing",
    industry: "Technology",
    companySize: 200,
    country: "US",
  };

  it("gives a US tech VP at a 200-person company 50 fit points: straight to sales", () => {
    const score = evaluate(model, vp, [], asOf);
    expect(score.fit).toBe(50);
    expect(score.total).toBe(50);
    expect(score.band).toBe("sales");
  });

  it("reaches 75 (invite to book a demo) after pricing and a webinar, net of an unsubscribe", () => {
    const events = [
      ev("Page Viewed", { path: "/pricing" }, 3),
      ev("Page Viewed", { path: "/pricing" }, 2),
      ev("Webinar Attended", {}, 5),
      ev("Unsubscribed", {}, 1),
    ];
    const score = evaluate(model, vp, events, asOf);
    expect(score.engagement).toBe(15 + 20 - 10);
    expect(score.total).toBe(75);
    expect(score.band).toBe("demo invite");
  });

  it("leaves a manager in a small non-tech company below 25: unqualified", () => {
    const score = evaluate(
      model,
      { id: "m", seniority: "manager", industry: "Retail", companySize: 20, country: "FR" },
      [ev("Page Viewed", { path: "/careers/account-executive" }, 1)],
      asOf,
    );
    expect(score.total).toBe(5);
    expect(score.band).toBe("unqualified");
  });
});

describe("seed 002: capped 0–100 with decay", () => {
  const model = template("seed-002-hubspot");
  it("caps the total at 100 and halves an asset's points after 30 days", () => {
    const lead = { id: "x", seniority: "c_level", companySize: 900, industry: "Software" };
    const fresh = evaluate(
      model,
      lead,
      [ev("Demo Requested", {}, 0), ev("Content Downloaded", { content_type: "high_velocity" }, 0)],
      asOf,
    );
    expect(fresh.fit).toBe(50);
    expect(fresh.receipt.caps.total).toEqual({ raw: 125, cap: 100, applied: true });
    expect(fresh.total).toBe(100);
    const old = evaluate(
      model,
      { id: "y" },
      [ev("Content Downloaded", { content_type: "high_velocity" }, 30)],
      asOf,
    );
    expect(old.engagement).toBeCloseTo(12.5, 10);
    expect(old.receipt.lines[0].decayed).toBe(true);
    expect(
      evaluate(
        model,
        { id: "z" },
        [ev("Content Downloaded", { content_type: "high_velocity" }, 91)],
        asOf,
      ).engagement,
    ).toBe(0);
  });
});

describe("seed 000: bands and the student penalty", () => {
  const model = template("seed-000-bands");
  it("puts a student with a phone deep below discovery and a manager on the pricing page in evaluation", () => {
    expect(evaluate(model, { id: "s", seniority: "student", phone: "+33 6" }, [], asOf).total).toBe(
      -95,
    );
    const m = evaluate(
      model,
      { id: "m", seniority: "manager", industry: "software" },
      [ev("Page Viewed", { path: "/pricing" }, 1)],
      asOf,
    );
    expect(m.total).toBe(30);
    expect(m.band).toBe("evaluation");
    expect(m.grade).toBe("B2");
  });
});
