import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const FILE = path.resolve(__dirname, "../../docs/benchmarks.md");
const BEGIN = "<!-- e2e:begin (written by E2E_RECORD_BENCHMARKS=1 npm run test:e2e) -->";
const END = "<!-- e2e:end -->";

/**
 * With E2E_RECORD_BENCHMARKS=1, replaces one line of the dashboard section in docs/benchmarks.md;
 * otherwise does nothing, so an ordinary test run never changes a tracked file.
 */
export function recordBenchmark(key: string, line: string) {
  if (process.env.E2E_RECORD_BENCHMARKS !== "1") return;
  const text = readFileSync(FILE, "utf8");
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`docs/benchmarks.md has no ${BEGIN} … ${END} section`);
  const lines = text
    .slice(start + BEGIN.length, end)
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith(`- **${key}**`));
  lines.push(`- **${key}**: ${line}`);
  lines.sort();
  writeFileSync(FILE, `${text.slice(0, start + BEGIN.length)}\n${lines.join("\n")}\n${text.slice(end)}`);
}
