import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { setHolidaysSchema } from "@/lib/domain/teams/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";
import { setTeamHolidays } from "@/lib/domain/teams/set-holidays";

/** Replaces the team's holidays (admins, or the team's manager); SLA clocks skip them. */
export const PUT = withApi(
  { permission: "settings:sales", body: setHolidaysSchema },
  async ({ principal, params, body }) => {
    return Response.json({
      data: await setTeamHolidays({
        db: await getDb(),
        actor: sessionUser(principal),
        teamId: params.id,
        input: body,
      }),
    });
  },
);
