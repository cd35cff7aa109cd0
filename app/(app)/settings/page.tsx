import { redirect } from "next/navigation";
import { settingsHref, settingsSectionsFor } from "@/lib/auth/settings-sections";
import { requirePagePermission } from "@/lib/auth/session";

/** `/settings` opens the first section the role may see. */
export default async function SettingsPage() {
  const actor = await requirePagePermission("settings:read");
  redirect(settingsHref(settingsSectionsFor(actor.role)[0]));
}
