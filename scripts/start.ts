// npm start: migrate the database, seed the demo teams, build if the sources changed, serve on PORT.
import { spawn, spawnSync } from "node:child_process";
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

const server = spawn("npx", ["next", "start", "-p", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
