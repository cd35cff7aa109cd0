import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";
import { getHealth } from "@/lib/http/contracts/admin";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

/** Liveness and database reachability, for load balancers and the start script. */
export const GET = withApi(getHealth, async ({ reply }) => {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return reply(200, { status: "ok", database: handle.kind });
  } catch {
    throw new AppError("service_unavailable", "The database is not reachable.");
  }
});
