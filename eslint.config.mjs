import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", ".data/**", "db/migrations/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".bench/**", ".scratch/**", ".screenshots/**"]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // The core stays free of Next.js so it can be tested and reused without a server.
    files: ["lib/scoring/**", "lib/sla/**", "lib/routing/**", "lib/reports/**", "lib/lifecycle/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["next", "next/*", "next-auth", "next-auth/*", "next-intl", "next-intl/*", "@/app/*", "react"] }],
    },
  },
]);
