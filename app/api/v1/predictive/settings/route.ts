import { getDb } from "@/db/client";
import { setIncludedAttributes } from "@/lib/domain/predict/settings";
import * as contracts from "@/lib/http/contracts/reports";
import { withApi } from "@/lib/http/with-api";

/** Flagged attributes a manager includes knowingly; applied at the next training. */
export const PUT = withApi(contracts.updatePredictiveSettings, async ({ user, body, reply }) =>
  reply(200, {
    data: {
      includedAttributes: await setIncludedAttributes(
        await getDb(),
        body.includedAttributes,
        user.id,
      ),
    },
  }),
);
