/**
 * Messages live in one file per namespace and locale — messages/<locale>/<namespace>.json — so a
 * feature adds its own file without touching the others'. Read once per locale and cached.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Locale } from "./locales";

export type Messages = Record<string, Record<string, unknown>>;

const cache = new Map<Locale, Messages>();

export function messagesDir(locale: Locale): string {
  return path.join(process.cwd(), "messages", locale);
}

export function loadMessages(locale: Locale): Messages {
  const cached = cache.get(locale);
  if (cached && process.env.NODE_ENV === "production") return cached;
  const messages: Messages = {};
  for (const file of readdirSync(messagesDir(locale))
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    messages[file.slice(0, -".json".length)] = JSON.parse(
      readFileSync(path.join(messagesDir(locale), file), "utf8"),
    );
  }
  cache.set(locale, messages);
  return messages;
}
