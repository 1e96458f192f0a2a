import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

/** Next's rules with TypeScript, formatting left to Prettier, and the one data path enforced. */
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    files: ["app/**", "lib/**", "components/**", "scripts/**", "instrumentation.ts", "proxy.ts"],
    ignores: ["lib/db/index.ts"],
    rules: {
      // All data goes through the Prisma client built in lib/db/index.ts: no driver connection beside it.
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "better-sqlite3", message: "Query through the Prisma client (lib/db), not a driver connection." },
            { name: "pg", message: "Query through the Prisma client (lib/db), not a driver connection." },
            { name: "@prisma/adapter-better-sqlite3", message: "Only lib/db/index.ts builds the Prisma client." },
            { name: "@prisma/adapter-pg", message: "Only lib/db/index.ts builds the Prisma client." },
          ],
        },
      ],
    },
  },
  {
    rules: {
      // Says only that the React Compiler would skip useReactTable's component; this app does not use the compiler.
      "react-hooks/incompatible-library": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Test code: Playwright fixtures call `use` (not React's hook), JSON bodies are read as `any`, and
    // a test may navigate by location on purpose (to trigger the leave-page warning).
    files: ["tests/**", "e2e/**", "bench/**"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
      "@typescript-eslint/no-explicit-any": "off",
      "@next/next/no-location-assign-relative-destination": "off",
    },
  },
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "lib/db/generated/**",
    "lib/db/generated-postgres/**",
    "test-results/**",
    "playwright-report/**",
    ".e2e-auth/**",
    "next-env.d.ts",
  ]),
]);
