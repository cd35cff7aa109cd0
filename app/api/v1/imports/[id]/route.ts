import * as contracts from "@/lib/http/contracts/imports";
import { withApi } from "@/lib/http/with-api";
import { AppError } from "@/lib/shared/errors";

export const GET = withApi(contracts.getImport, async () => {
  throw new AppError("service_unavailable", "Imports are being built.");
});
