// npx tsx bench/profile-summary.ts <dir> <scenario>: where the server's CPU went while one scenario
// ran, from the profile and scenarios.json that `BENCH_CPU_PROF=<dir> npm run bench` writes.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

type Frame = { functionName: string; url: string; lineNumber: number };
type Profile = {
  nodes: { id: number; callFrame: Frame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
};

const [dir, wanted] = process.argv.slice(2) as [string, string];
const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"))!;
const profile = JSON.parse(readFileSync(path.join(dir, file), "utf8")) as Profile;
const windows = (
  JSON.parse(readFileSync(path.join(dir, "scenarios.json"), "utf8")) as { name: string; startUs: number; endUs: number }[]
).filter((window) => window.name === wanted);

const frames = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const stacks = new Map<number, Frame[]>();
function stackOf(id: number): Frame[] {
  let stack = stacks.get(id);
  if (!stack) {
    stack = [];
    for (let at: number | undefined = id; at !== undefined; at = parents.get(at)) stack.push(frames.get(at)!);
    stacks.set(id, stack);
  }
  return stack;
}

/** A sample's share: the database if Prisma or the driver is anywhere on the stack, else the nearest frame's owner. */
function categorize(stack: Frame[]): string {
  const leaf = stack[0]!.functionName;
  if (leaf === "(idle)") return "idle";
  if (leaf === "(garbage collector)") return "garbage collection";
  if (stack.some((frame) => /better-sqlite3|@prisma/.test(frame.url))) return "database (Prisma + better-sqlite3)";
  for (const { url } of stack) {
    if (/node_modules\/next\//.test(url)) return "framework (Next.js)";
    if (/\.next\/server/.test(url)) return "app (auth, limit, cache, route, serialisation)";
    if (url.startsWith("node:")) return "Node (HTTP, streams, crypto, fs)";
  }
  return "native, other";
}

let time = profile.startTime;
const shares = new Map<string, number>();
const selfFrames = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  time += profile.timeDeltas[index]!;
  if (!windows.some((window) => time >= window.startUs && time < window.endUs)) return;
  const stack = stackOf(id);
  const share = categorize(stack);
  if (share === "idle") return;
  total += 1;
  shares.set(share, (shares.get(share) ?? 0) + 1);
  const leaf = stack[0]!;
  const where = leaf.url.replace(/.*node_modules\//, "").replace(/.*\.next\//, ".next/");
  const key = `${leaf.functionName || "(anonymous)"} ${where}`;
  selfFrames.set(key, (selfFrames.get(key) ?? 0) + 1);
});

const percent = (count: number) => `${((100 * count) / total).toFixed(1)}%`;
console.log(`${wanted}: ${total} busy samples`);
for (const [share, count] of [...shares].sort((a, b) => b[1] - a[1])) console.log(`  ${percent(count)}\t${share}`);
console.log("  top self frames:");
for (const [key, count] of [...selfFrames].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${percent(count)}\t${key}`);
