import { execFile } from "node:child_process";
import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam } from "../support/fixtures";

const run = promisify(execFile);
const root = path.resolve(__dirname, "../..");

it("the README's typed client: types generated from the served OpenAPI document compile strictly, and the call works", async () => {
  // Inside the repository, so the example resolves openapi-fetch from its node_modules.
  const folder = await mkdtemp(path.join(root, ".typed-client-"));
  try {
    const document = await api("/api/v1/openapi.json");
    await writeFile(path.join(folder, "openapi.json"), JSON.stringify(document.body));
    await run("npx", ["openapi-typescript", path.join(folder, "openapi.json"), "-o", path.join(folder, "dnc-api.d.ts")], { cwd: root });
    await copyFile(path.join(root, "docs/examples/typed-client.ts"), path.join(folder, "typed-client.ts"));
    await writeFile(
      path.join(folder, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "esnext",
          moduleResolution: "bundler",
          lib: ["es2023", "dom"],
          types: ["node"],
        },
        files: ["typed-client.ts", "dnc-api.d.ts"],
      }),
    );
    await run("npx", ["tsc", "-p", path.join(folder, "tsconfig.json")], { cwd: root });

    const team = await createTestTeam();
    await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: "linkedin.com/in/jane-doe" } });
    const { stdout } = await run("npx", ["tsx", path.join(folder, "typed-client.ts")], {
      cwd: root,
      env: { ...process.env, DNC_URL: inject("baseUrl"), DNC_API_KEY: team.readKey },
    });
    expect(stdout.trim().split("\n")).toEqual([
      "https://linkedin.com/in/jane-doe: do not contact",
      "https://linkedin.com/in/john-roe: ok to contact",
    ]);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
});
