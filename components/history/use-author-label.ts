"use client";

import { useTranslations } from "next-intl";

/** The demo data's own author ("Demo seed", stored in English) in the reader's language. */
const DEMO_SEED = "Demo seed";

export function useAuthorLabel() {
  const t = useTranslations("history");
  return (label: string) => (label === DEMO_SEED ? t("demoSeed") : label);
}
