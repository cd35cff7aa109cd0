import { defineConfig } from "drizzle-kit";

// Generation needs no database: `drizzle-kit generate` diffs the schema against db/migrations.
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
});
