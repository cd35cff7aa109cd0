import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { can } from "@/lib/auth/permissions";
import { listReasons } from "@/lib/domain/reasons/list-reasons";
import { createReason } from "@/lib/domain/reasons/save-reason";
import { reasonCreateSchema, reasonsQuerySchema } from "@/lib/domain/reasons/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

/** The agreed reason lists (active ones; archived too for those who edit them). */
export const GET = withApi(
  { permission: "reasons:read", query: reasonsQuerySchema },
  async ({ principal, query }) => {
    const actor = sessionUser(principal);
    const includeArchived = query.includeArchived === "true" && can(actor.role, "settings:sales");
    return Response.json({
      data: await listReasons(await getDb(), { kind: query.kind, includeArchived }),
    });
  },
);

/** Adds a reason to a list (admins and managers). */
export const POST = withApi(
  { permission: "settings:sales", body: reasonCreateSchema },
  async ({ principal, body }) => {
    return Response.json(
      {
        data: await createReason({ db: await getDb(), actor: sessionUser(principal), input: body }),
      },
      { status: 201 },
    );
  },
);
