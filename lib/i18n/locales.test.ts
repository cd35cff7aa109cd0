import { describe, expect, it } from "vitest";
import { negotiateLocale } from "./locales";
import { loadMessages } from "./messages";

const en = loadMessages("en");
const fr = loadMessages("fr");

describe("locale negotiation", () => {
  it("prefers the best supported language from Accept-Language", () => {
    expect(negotiateLocale("fr-FR,fr;q=0.9,en;q=0.8")).toBe("fr");
    expect(negotiateLocale("de-DE,de;q=0.9,en;q=0.5,fr;q=0.4")).toBe("en");
    expect(negotiateLocale("de-DE,fr;q=0.7")).toBe("fr");
    expect(negotiateLocale("de")).toBe("en");
    expect(negotiateLocale(null)).toBe("en");
  });
});

describe("messages", () => {
  const keys = (o: object, prefix = ""): string[] =>
    Object.entries(o).flatMap(([k, v]) =>
      typeof v === "object" && v ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
    );

  it("has every English string in French and nothing extra", () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
  });

  it("keeps the same placeholders in both languages", () => {
    const get = (o: object, path: string) =>
      path.split(".").reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) as string;
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\s*[,}]/g)].map((m) => m[1]).sort();
    for (const key of keys(en))
      expect(placeholders(get(fr, key)), key).toEqual(placeholders(get(en, key)));
  });
});
