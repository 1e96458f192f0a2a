import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const driverImports = [
  { name: "better-sqlite3", message: "Query through the Prisma client (lib/db), not a driver connection." },
  { name: "pg", message: "Query through the Prisma client (lib/db), not a driver connection." },
  {
    name: "@prisma/adapter-better-sqlite3",
    message: "Only lib/db/index.ts (and its adapter, lib/db/statement-cache.ts) builds the Prisma client.",
  },
  { name: "@prisma/adapter-pg", message: "Only lib/db/index.ts builds the Prisma client." },
];
// Closing any descriptor of the SQLite file drops the process's locks on it (lib/db/sqlite-file.ts):
// the server's code reaches the file system only through that module.
const fsMessage =
  "Only lib/db/sqlite-file.ts touches the file system in the server: closing a descriptor of the database file drops SQLite's locks.";
const fileSystemImports = ["fs", "node:fs", "fs/promises", "node:fs/promises"].map((name) => ({ name, message: fsMessage }));
const serverCode = ["app/**", "lib/**", "components/**", "instrumentation.ts", "proxy.ts"];
// Where the Prisma client and its adapter are built: the only server code that names the adapters.
const clientBuilders = ["lib/db/index.ts", "lib/db/statement-cache.ts"];

/** Next's rules with TypeScript, formatting left to Prettier, the one data path and the one file-system module enforced. */
export default defineConfig([
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    files: [...serverCode, "scripts/**"],
    ignores: [...clientBuilders, "lib/db/sqlite-file.ts"],
    // All data goes through the Prisma client built in lib/db/index.ts: no driver connection beside it.
    rules: { "no-restricted-imports": ["error", { paths: driverImports }] },
  },
  {
    files: serverCode,
    ignores: [...clientBuilders, "lib/db/sqlite-file.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [...driverImports, ...fileSystemImports] }] },
  },
  { files: clientBuilders, rules: { "no-restricted-imports": ["error", { paths: fileSystemImports }] } },
  { files: ["lib/db/sqlite-file.ts"], rules: { "no-restricted-imports": ["error", { paths: driverImports }] } },
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
