import { openApiDocument } from "@/lib/http/openapi";

/** Public: the machine-readable description of API v1. */
export function GET(request: Request) {
  return Response.json(openApiDocument(new URL(request.url).origin));
}
