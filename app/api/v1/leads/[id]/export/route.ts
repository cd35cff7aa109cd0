import { getDb } from "@/db/client";
import { exportLead } from "@/lib/domain/privacy/export-lead";
import { exportLead as contract } from "@/lib/http/contracts/privacy";
import { withApi } from "@/lib/http/with-api";

/** Everything held on the lead, as a JSON download (audited). */
export const GET = withApi(contract, async ({ principal, params, reply }) => {
  const data = await exportLead({ db: await getDb(), principal, id: params.id });
  return reply(
    200,
    { data },
    {
      headers: {
        "content-disposition": `attachment; filename="lead-${params.id}.json"`,
        "cache-control": "no-store",
      },
    },
  );
});
