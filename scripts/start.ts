// npm start: migrate the database, seed the demo teams, build if the sources changed, serve on PORT.
import { spawn, spawnSync } from "node:child_process";
import { constants } from "node:os";
import path from "node:path";
import { buildIfNeeded } from "./lib/build-if-needed";

process.env.DATABASE_URL ??= "file:./data/dnc.db";
process.env.NEXT_TELEMETRY_DISABLED = "1";
const port = process.env.PORT ?? "3000";

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) {
    console.error(`${command} ${args.join(" ")} failed (exit ${result.status})`);
    process.exit(1);
  }
}

run("npx", ["prisma", "migrate", "deploy"]);
run("npx", ["tsx", "--conditions=react-server", "scripts/seed.ts"]);
buildIfNeeded();

// Next itself, not through npx: npx runs it under a shell, which dies of the signal instead of passing
// it on, so the server never heard of it. The server shuts down cleanly (lib/lifecycle/shutdown.ts)
// and this exits with its code: 0 after SIGTERM or Ctrl-C.
const server = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "start", "-p", port], {
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? 128 + (signal ? constants.signals[signal] : 0)));
