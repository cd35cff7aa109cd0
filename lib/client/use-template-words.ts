import { useTranslations } from "next-intl";
import {
  templateWordKey,
  type TemplateWordKind as Kind,
} from "@/lib/domain/scoring/template-words";
/** A translator of `editor.templates.models`, from useTranslations or getTranslations. */
type Translator = { (key: string): string; has(key: string): boolean };

/**
 * A rule label, band name or model name in the reader's language when it is a starter template's
 * own word (see template-words.ts); anything else as written. For server components.
 */
export function sayTemplateWord(t: Translator, kind: Kind, text: string): string {
  const key = templateWordKey(kind, text);
  return key && t.has(key) ? t(key) : text;
}

/** The same, for client components: `words.rule(label)`, `words.band(name)`, `words.name(name)`. */
export function useTemplateWords() {
  const t = useTranslations("editor.templates.models");
  const say = (kind: Kind) => (text: string) => sayTemplateWord(t, kind, text);
  return { rule: say("rule"), band: say("band"), name: say("name") };
}
