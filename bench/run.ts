// npm run bench                 the embedded shape: one instance on SQLite (docs/benchmarks.md)
// npm run bench -- --scale-out  PostgreSQL + Redis: check and delete on one instance and on two
// npm run bench -- --layers     the data layer alone: what each Prisma step costs, without HTTP
// Every figure is divided by the framework's own ceiling (a trivial route handler) measured in the
// same run, because these machines are shared and absolute numbers drift from run to run.
import path from "node:path";
import { buildIfNeeded } from "../scripts/lib/build-if-needed";
import { benchEmbedded } from "./embedded";
import { benchLayers } from "./layers";
import { benchScaleOut } from "./scale-out";

async function main() {
  const root = path.resolve(__dirname, "..");
  if (process.argv.includes("--layers")) return benchLayers(root);
  buildIfNeeded(root);
  if (process.argv.includes("--scale-out")) await benchScaleOut(root);
  else await benchEmbedded(root);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
