import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import "../support/fixtures";

// After the fixtures, which point the domain modules at the server's database.
const { API_CONTRACTS } = await import("@/lib/contracts");

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");
const apiFolder = path.join(root, "app/api/v1");

/** `dnc/[id]/restore/route.ts` → `/dnc/{id}/restore`; the catch-all and the document itself serve no contract. */
const routeFiles = readdirSync(apiFolder, { recursive: true, encoding: "utf8" })
  .filter((name) => path.basename(name) === "route.ts" && !name.includes("[...") && !name.startsWith("openapi.json"))
  .map((name) => ({ file: name, path: `/${path.dirname(name)}`.replace(/\[(\w+)\]/g, "{$1}") }));

describe("route contracts", () => {
  it("every app/api/v1/**/route.ts serves the contracts of its folder's path, each contract once", async () => {
    const contracts = Object.values(API_CONTRACTS);
    const served = new Map<object, string>();
    for (const { file, path: folderPath } of routeFiles) {
      const handlers = (await import(path.join(apiFolder, file))) as Record<string, { route?: Record<string, unknown> }>;
      const routes = Object.values(handlers).flatMap((handler) => (handler.route ? [handler.route] : []));
      expect(routes.length, file).toBeGreaterThan(0);
      for (const route of routes) {
        const contract = contracts.find((candidate) => candidate.method === route.method && candidate.path === route.path);
        expect(contract, `${file} serves ${route.method} ${route.path}, which no contract declares`).toBeDefined();
        expect(route.path, file).toBe(folderPath);
        // The route is the contract itself plus its handler: no copy that could drift.
        for (const [key, value] of Object.entries(contract!)) expect(route[key], `${file} ${key}`).toBe(value);
        expect(served.get(contract!), `${route.method} ${route.path} served twice`).toBeUndefined();
        served.set(contract!, file);
      }
    }
    expect(contracts.filter((contract) => !served.has(contract)).map((contract) => `${contract.method} ${contract.path}`)).toEqual([]);
    // No contract listed twice, under two names or for one method and path.
    expect(new Set(contracts).size).toBe(contracts.length);
    expect(new Set(contracts.map((contract) => `${contract.method} ${contract.path}`)).size).toBe(contracts.length);
  });

  it("no two contracts share a name (a later group would silently replace an earlier one's)", async () => {
    // Every group in the folder, so a new one cannot be left out of the comparison.
    const files = readdirSync(path.join(root, "lib/contracts")).filter(
      // Session actions live beside the API, outside /api/v1 and its document.
      (file) => file.endsWith(".ts") && !["index.ts", "define-contract.ts", "session-actions.ts"].includes(file),
    );
    expect(files.length).toBeGreaterThanOrEqual(6);
    const groups: Record<string, object>[] = await Promise.all(files.map((file) => import(`@/lib/contracts/${file.replace(/\.ts$/, "")}`)));
    const names = groups.flatMap((module) => Object.values(module).flatMap((group) => Object.keys(group)));
    expect(names.sort()).toEqual(Object.keys(API_CONTRACTS).sort());
  });

  it("the served document names every operation after its contract and passes redocly lint (recommended) without a warning", async () => {
    const document = (await api("/api/v1/openapi.json")).body;
    const operationIds = Object.values(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap((operations) =>
      Object.values(operations).map((operation) => operation.operationId),
    );
    expect(operationIds.sort()).toEqual(Object.keys(API_CONTRACTS).sort());

    const file = path.join(inject("workDir"), "openapi.json");
    await writeFile(file, JSON.stringify(document));
    const { stdout } = await run("npx", ["redocly", "lint", "--extends=recommended", "--format=json", file], {
      cwd: root,
      // No telemetry or update check: the lint runs offline.
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    });
    const report = JSON.parse(stdout.slice(stdout.indexOf("{")));
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it("the dashboard's bundle carries the contracts and none of the server", () => {
    const chunks = path.join(root, ".next/static/chunks");
    const code = readdirSync(chunks, { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".js"))
      .map((name) => readFileSync(path.join(chunks, name), "utf8"))
      .join("\n");
    expect(code).toContain("/webhooks/{id}/deliveries/{deliveryId}/resend");
    for (const serverCode of ["answered undeclared code", "PrismaClient", "better-sqlite3", "scrypt"]) {
      expect(code, serverCode).not.toContain(serverCode);
    }
  });
});
