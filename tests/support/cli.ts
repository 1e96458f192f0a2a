import { spawn, spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

export type CliResult = { status: number | null; stdout: string; stderr: string };

/**
 * `npm run <script> -- <args>` as an operator runs it: another process, on the given database (and
 * no Redis unless given), with `input` on stdin (a password, for `npm run user`).
 */
export function runCli(script: string, args: string[], options: { databaseUrl: string; redisUrl?: string; input?: string }): CliResult {
  const result = spawnSync("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: options.databaseUrl, REDIS_URL: options.redisUrl ?? "" },
    input: options.input ?? "",
    encoding: "utf8",
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Like runCli, but a non-zero exit is an error that shows what the command printed. */
export function runCliOrThrow(script: string, args: string[], options: Parameters<typeof runCli>[2]): CliResult {
  const result = runCli(script, args, options);
  if (result.status !== 0)
    throw new Error(`npm run ${script} -- ${args.join(" ")} exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

/** runCli without blocking the test's event loop: requests the test has in flight keep going meanwhile. */
export function runCliInBackground(script: string, args: string[], options: { databaseUrl: string }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn("npx", ["tsx", "--conditions=react-server", `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: options.databaseUrl, REDIS_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
}
