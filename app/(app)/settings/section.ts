/** What every settings section page starts with: its title and the permission that opens it. */
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { sectionPermission, type SettingsSection } from "@/lib/auth/settings-sections";
import { requirePagePermission } from "@/lib/auth/session";

export function sectionMetadata(key: SettingsSection) {
  return async (): Promise<Metadata> => {
    const t = await getTranslations("settings");
    return { title: `${t(`sections.${key}`)} · ${t("title")}` };
  };
}

/** The signed-in actor, or the 403 page when their role may not open this section. */
export function requireSection(key: SettingsSection) {
  return requirePagePermission(sectionPermission(key));
}
