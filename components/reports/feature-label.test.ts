import { describe, expect, it } from "vitest";
import en from "@/messages/en/prediction.json";
import fr from "@/messages/fr/prediction.json";
import { featureLabel } from "./feature-label";

/** A tiny stand-in for next-intl's `t` over one namespace: dotted keys, {placeholders}. */
const translator =
  (messages: Record<string, unknown>) =>
  (key: string, values: Record<string, string> = {}) => {
    const template = key
      .split(".")
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages) as string;
    return template.replace(/\{(\w+)\}/g, (_, name: string) => values[name]);
  };

describe("feature labels", () => {
  it("names every kind of feature in both languages", () => {
    const t = translator(en);
    expect(featureLabel(t, "industry=aerospace", "Industry: aerospace")).toBe(
      "Industry: aerospace",
    );
    expect(featureLabel(t, "traits.landing_page_id:other", "x")).toBe(
      "Trait landing_page_id: other values",
    );
    expect(featureLabel(t, "rule:demo", "Requested a demo")).toBe("Rule “Requested a demo”");
    expect(featureLabel(t, "companySize:missing", "x")).toBe("Company size unknown");
    const f = translator(fr);
    expect(featureLabel(f, "industry=aerospace", "Industry: aerospace")).toBe(
      "Secteur : aerospace",
    );
    expect(featureLabel(f, "rule:demo", "Demande de démo")).toBe("Règle « Demande de démo »");
  });
});
