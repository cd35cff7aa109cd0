import { describe, expect, it } from "vitest";
import en from "@/messages/en/editor.json";
import fr from "@/messages/fr/editor.json";
import { templateWordKey } from "./template-words";
import { TEMPLATES } from "./templates";

/** The message at a dotted key under editor.templates.models (array indexes included). */
function say(messages: typeof en, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>(
      (at, part) => (at as Record<string, unknown> | undefined)?.[part],
      messages.templates.models,
    );
}

describe("a starter template's own words", () => {
  it("are found by the words the template wrote, and read in French and English", () => {
    const exec = templateWordKey("rule", "CEO or VP");
    expect(exec).toBe("seed-001-saas.rules.exec");
    expect(say(fr, exec!)).toBe("PDG ou VP");
    const band = templateWordKey("band", "sales");
    expect(say(fr, band!)).toBe("ventes");
    // The demo model's name loses its seed code in both languages.
    const name = templateWordKey("name", "Global SaaS (seed 001)");
    expect(say(en, name!)).toBe("Global SaaS");
    expect(say(fr, name!)).toBe("SaaS international");
  });

  it("leave a word the marketer changed as typed", () => {
    expect(templateWordKey("rule", "CEO or VP (our ICP)")).toBeNull();
    expect(templateWordKey("rule", "ceo or vp")).toBeNull();
    expect(templateWordKey("band", "red hot")).toBeNull();
  });

  it("have a message in both languages for every rule, band and name of every template", () => {
    for (const model of Object.values(TEMPLATES)) {
      const words = [
        ["name", model.name],
        ...model.bands.map((b) => ["band", b.name] as const),
        ...model.rules.map((r) => ["rule", r.label] as const),
      ] as const;
      for (const [kind, text] of words) {
        const key = templateWordKey(kind, text);
        expect(key, text).not.toBeNull();
        for (const messages of [en, fr])
          expect(typeof say(messages, key!), `${key}`).toBe("string");
      }
    }
  });
});
