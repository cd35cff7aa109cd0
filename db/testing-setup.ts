/** Vitest's global setup: the migrated PGlite dump every embedded test database starts from. */
import { dbEnv } from "@/lib/infra/env";
import { ensurePgliteTemplate } from "./testing-template";

export default async function setup() {
  if (!dbEnv().DATABASE_URL) await ensurePgliteTemplate();
}
