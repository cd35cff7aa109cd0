import { describe, expect, it } from "vitest";
import { loadMessages } from "@/lib/i18n/messages";
import { propertyValueLabel, valueLabel } from "./value-label";

const translator = (locale: "en" | "fr") => {
  const values = loadMessages(locale).values as Record<string, Record<string, string>>;
  const get = (key: string) => {
    const [group, code] = key.split(".");
    return values[group]?.[code];
  };
  return Object.assign((key: string) => get(key) ?? key, { has: (key: string) => !!get(key) });
};

describe("codes in words", () => {
  it("labels known codes in the reader's language", () => {
    expect(valueLabel(translator("en"), "source", "paid_search")).toBe("Paid search");
    expect(valueLabel(translator("fr"), "source", "paid_search")).toBe("Recherche payante");
    expect(propertyValueLabel(translator("fr"), "content_type", "high_velocity")).toBe(
      "Forte vélocité (proche de l’achat)",
    );
  });

  it("never shows an unknown code as a code, and leaves typed values as typed", () => {
    expect(valueLabel(translator("en"), "source", "trade_show")).toBe("Trade show");
    expect(propertyValueLabel(translator("en"), "asset", "Buyer's guide")).toBe("Buyer's guide");
  });
});
