import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { getHealth } from "@/lib/http/contracts/admin";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

/** Liveness and database reachability, for load balancers and the start script. */
export const GET = withApi(getHealth, async ({ reply }) => {
  const handle = await getDbHandle().catch(() => null);
  const reachable =
    handle &&
    (await handle.db.execute(sql`select 1`).then(
      () => true,
      () => false,
    ));
  if (!handle || !reachable)
    throw new AppError("service_unavailable", "The database is not reachable.");
  return reply(200, { status: "ok", database: handle.kind });
});
