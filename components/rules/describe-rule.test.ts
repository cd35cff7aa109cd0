import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import type { Rule } from "@/lib/domain/scoring/model";
import { describeRule, formatPoints, type Translate } from "./describe-rule";

const translator = (locale: "en" | "fr") =>
  createTranslator({
    locale,
    messages: loadMessages(locale),
    namespace: "rules.describe",
  }) as unknown as Translate;

const pricing: Rule = {
  id: "p",
  label: "Viewed pricing",
  kind: "event",
  event: "Page Viewed",
  where: [{ property: "url", op: "contains", value: "/pricing" }],
  points: 15,
  maxCount: 1,
  withinDays: 90,
  halfLifeDays: 30,
};

describe("rules in plain words", () => {
  it("says an event rule's condition in English and French", () => {
    expect(describeRule(translator("en"), pricing, "en")).toBe(
      "Viewed a page whose URL contains /pricing · at most once · last 90 days · halves every 30 days",
    );
    expect(describeRule(translator("fr"), pricing, "fr")).toBe(
      "A consulté une page dont l’URL contient /pricing · une fois au plus · 90 derniers jours · divisé par deux tous les 30 jours",
    );
  });

  it("says attribute rules, lists and ranges", () => {
    const t = translator("en");
    expect(
      describeRule(
        t,
        {
          id: "a",
          label: "",
          kind: "attribute",
          field: "seniority",
          op: "in",
          value: ["c_level", "vp"],
          points: 20,
        },
        "en",
      ),
    ).toBe("Seniority is C-level or VP");
    expect(
      describeRule(
        t,
        {
          id: "b",
          label: "",
          kind: "attribute",
          field: "companySize",
          op: "between",
          value: [50, 5000],
          points: 10,
        },
        "en",
      ),
    ).toBe("Company size is between 50 and 5,000");
    expect(
      describeRule(
        t,
        { id: "c", label: "", kind: "attribute", field: "traits.plan", op: "known", points: 5 },
        "en",
      ),
    ).toBe("Trait “plan” is known");
    expect(
      describeRule(
        t,
        { id: "d", label: "", kind: "event", event: "Custom Thing", points: 1 },
        "en",
      ),
    ).toBe("Did “Custom Thing”");
  });

  it("signs points", () => {
    expect(formatPoints(15, "en")).toBe("+15");
    expect(formatPoints(-100, "fr")).toBe("-100");
    expect(formatPoints(12.5, "fr")).toBe("+12,5");
  });
});
