/**
 * `npm run api:types`: writes lib/client/api-schema.d.ts, the TypeScript types of the API, from
 * the OpenAPI document the contracts generate. The browser's client (lib/client/api.ts) is typed
 * by it; lib/client/api-schema.test.ts fails when the file is out of date.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { apiSchemaSource } from "../lib/client/generate-schema";

const target = path.resolve(import.meta.dirname, "../lib/client/api-schema.d.ts");
writeFileSync(target, await apiSchemaSource());
console.log(`Wrote ${path.relative(process.cwd(), target)}.`);
