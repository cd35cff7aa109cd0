import { getOpenApi } from "@/lib/http/contracts/admin";
import { openApiDocument } from "@/lib/http/openapi";
import { withApi } from "@/lib/http/with-api";

/** Public: the machine-readable description of the API, generated from the contracts. */
export const GET = withApi(getOpenApi, ({ request }) =>
  Response.json(openApiDocument(new URL(request.url).origin)),
);
