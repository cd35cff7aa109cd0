import { UsersPanel } from "@/components/users/users-panel";
import { getDb } from "@/db/client";
import { listTeams } from "@/lib/domain/teams/list-teams";
import { listUsers } from "@/lib/domain/users/list-users";
import { requireSection, sectionMetadata } from "../section";

export const generateMetadata = sectionMetadata("users");

/** Admins: who can sign in, with which role, in which team; invitations and deactivation. */
export default async function UsersSettingsPage() {
  const actor = await requireSection("users");
  const db = await getDb();
  const [users, teams] = await Promise.all([listUsers({ db, actor }), listTeams({ db, actor })]);
  return (
    <UsersPanel
      initial={users}
      teams={teams.teams.map((t) => ({ id: t.id, name: t.name }))}
      selfId={actor.id}
    />
  );
}
