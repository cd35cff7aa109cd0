import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const NEXT = [
  "next",
  "next/*",
  "next-auth",
  "next-auth/*",
  "next-intl",
  "next-intl/*",
  "react",
  "react-dom",
];
const ADAPTERS = [
  "@/app/*",
  "@/components/*",
  "@/lib/http/*",
  "@/lib/jobs/*",
  "@/lib/server/*",
  "@/lib/cli/*",
  "@/lib/client/*",
];

// The layout's arrows (README, Architecture): app → lib → db. These rules catch a wrong direct
// import at lint time; lib/architecture.test.ts follows imports transitively.
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    ".data/**",
    "db/migrations/**",
    "next-env.d.ts",
    "test-results/**",
    "playwright-report/**",
    ".bench/**",
    ".scratch/**",
    ".screenshots/**",
    "lib/client/api-schema.d.ts",
  ]),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app/*", "@/components/*"],
              message: "lib/ never imports routes or components.",
            },
          ],
        },
      ],
    },
  },
  {
    // The domain is plain TypeScript: no framework, no HTTP, no job runner.
    files: [
      "lib/domain/**",
      "lib/shared/**",
      "lib/auth/scopes.ts",
      "lib/auth/permissions.ts",
      "lib/auth/principal.ts",
      "lib/auth/lead-scope.ts",
      "lib/auth/guard.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [...NEXT, ...ADAPTERS],
              message: "The domain imports nothing from Next, HTTP, the job runner or the UI.",
            },
          ],
        },
      ],
    },
  },
  {
    // The database layer knows nothing of the application above it, except the types of the
    // documents its jsonb columns hold (erased at build, so no runtime arrow back into lib/domain).
    files: ["db/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: [
                "@/lib/*",
                "!@/lib/shared",
                "!@/lib/shared/*",
                "!@/lib/infra",
                "!@/lib/infra/*",
                "!@/lib/domain",
                "!@/lib/domain/*",
                "@/app/*",
                "@/components/*",
              ],
              message: "db/ may only import lib/shared and lib/infra (and types from lib/domain).",
            },
            {
              group: ["@/lib/domain", "@/lib/domain/*"],
              allowTypeImports: true,
              message: "db/ may import only types from lib/domain (import type).",
            },
          ],
        },
      ],
    },
  },
  {
    // The browser reaches data through the API client, never the database modules.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/*"],
              message: "Components read data through lib/client (the API), not db/.",
            },
          ],
        },
      ],
    },
  },
  {
    // Every spec runs under the console watch (e2e/test.ts): no page may log an error unnoticed.
    files: ["e2e/**/*.spec.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "@playwright/test",
              importNames: ["test", "expect"],
              message: "Import test and expect from ./test (it fails a test on console errors).",
            },
          ],
        },
      ],
    },
  },
]);
