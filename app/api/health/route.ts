import { sql } from "drizzle-orm";
import { getDbHandle } from "@/db/client";

/** Liveness and database reachability, for load balancers and the start script. */
export async function GET() {
  try {
    const handle = await getDbHandle();
    await handle.db.execute(sql`select 1`);
    return Response.json({ status: "ok", database: handle.kind });
  } catch {
    return Response.json(
      {
        status: "error",
        error: { code: "service_unavailable", message: "The database is not reachable." },
      },
      { status: 503 },
    );
  }
}
