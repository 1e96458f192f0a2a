// npm run bench                 the embedded shape: one instance on SQLite (docs/benchmarks.md)
// npm run bench -- --scale-out  PostgreSQL + Redis: check and delete on one instance and on two
// npm run bench -- --layers     the data layer alone: what each Prisma step costs, without HTTP
// npm run bench -- --observability  a check with metrics and request logs on, and off
// Every figure is divided by the framework's own ceiling (a trivial route handler) measured in the
// same run, because these machines are shared and absolute numbers drift from run to run.
import path from "node:path";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { benchEmbedded } from "./embedded";
import { benchLayers } from "./layers";
import { benchObservability } from "./observability";
import { benchScaleOut } from "./scale-out";

async function main() {
  const root = path.resolve(__dirname, "..");
  if (process.argv.includes("--layers")) return benchLayers(root);
  buildIfNeeded(root);
  if (process.argv.includes("--scale-out")) await benchScaleOut(root);
  else if (process.argv.includes("--observability")) await benchObservability(root);
  else await benchEmbedded(root);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
