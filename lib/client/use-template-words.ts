import { useTranslations } from "next-intl";
import { templateWordKey } from "@/lib/domain/scoring/template-words";

/**
 * Shows a rule label, band name or model name in the reader's language when it is a starter
 * template's own word (see template-words.ts); anything else as written.
 */
export function useTemplateWords() {
  const t = useTranslations("editor.templates.models");
  const say = (kind: "rule" | "band" | "name") => (text: string) => {
    const key = templateWordKey(kind, text);
    return key && t.has(key) ? t(key) : text;
  };
  return { rule: say("rule"), band: say("band"), name: say("name") };
}
