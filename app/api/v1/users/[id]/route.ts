import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { memberPatchSchema } from "@/lib/domain/teams/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";
import { updateMember } from "@/lib/domain/teams/update-member";

/** Team, capacity, away-until, working hours, time zone and active flag of one user. */
export const PATCH = withApi(
  { permission: "users:manage", body: memberPatchSchema },
  async ({ principal, params, body }) => {
    const member = await updateMember({
      db: await getDb(),
      actor: sessionUser(principal),
      userId: params.id,
      ...body,
    });
    return Response.json({ data: member });
  },
);
