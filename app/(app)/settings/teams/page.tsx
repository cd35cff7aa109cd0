import { getLocale } from "next-intl/server";
import { TeamsPanel } from "@/components/teams/teams-panel";
import { getDb } from "@/db/client";
import { can } from "@/lib/auth/permissions";
import { countryNames } from "@/lib/domain/teams/countries";
import { getTeamsOverview } from "@/lib/domain/teams/get-teams-overview";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("teams");

/** Admins edit teams, countries and each person's routing settings; managers read them. */
export default async function TeamsSettingsPage() {
  const actor = await requireSection("teams");
  const now = new Date();
  const overview = await getTeamsOverview({ db: await getDb(), actor, now });
  return (
    <TeamsPanel
      initial={overview}
      editable={can(actor.role, "users:manage")}
      countries={countryNames(await getLocale())}
      now={now.toISOString()}
    />
  );
}
