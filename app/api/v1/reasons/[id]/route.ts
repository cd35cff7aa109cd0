import { getDb } from "@/db/client";
import { withLegacyApi as withApi } from "@/lib/http/legacy-api";
import { appNow } from "@/lib/infra/clock";
import { AppError } from "@/lib/shared/errors";
import { removeReason, updateReason } from "@/lib/domain/reasons/save-reason";
import { reasonUpdateSchema } from "@/lib/domain/reasons/schemas";
import { sessionUser } from "@/lib/domain/teams/session-user";

function reasonId(raw: string): number {
  const id = Number(raw);
  if (!Number.isInteger(id) || id <= 0) throw new AppError("not_found", "No reason with this id.");
  return id;
}

/** Relabels, moves, archives or restores a reason (admins and managers). */
export const PATCH = withApi(
  { permission: "settings:sales", body: reasonUpdateSchema },
  async ({ principal, params, body }) => {
    return Response.json({
      data: await updateReason({
        db: await getDb(),
        actor: sessionUser(principal),
        id: reasonId(params.id),
        input: body,
        now: appNow(),
      }),
    });
  },
);

/** Deletes a reason never used; archives one a decision has used. */
export const DELETE = withApi({ permission: "settings:sales" }, async ({ principal, params }) => {
  return Response.json({
    data: await removeReason({
      db: await getDb(),
      actor: sessionUser(principal),
      id: reasonId(params.id),
      now: appNow(),
    }),
  });
});
