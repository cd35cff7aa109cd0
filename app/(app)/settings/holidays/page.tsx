import { HolidaysPanel } from "@/components/settings/holidays-panel";
import { getDb } from "@/db/client";
import { listHolidayTeams } from "@/lib/domain/teams/list-holiday-teams";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("holidays");

/** Admins for every team, a manager for their own. */
export default async function HolidaysSettingsPage() {
  const actor = await requireSection("holidays");
  const teams = await listHolidayTeams(await getDb(), actor);
  return <HolidaysPanel teams={teams} now={new Date().toISOString()} />;
}
