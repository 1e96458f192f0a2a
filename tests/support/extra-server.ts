import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, inject } from "vitest";
import { type RunningServer, startServer } from "./server";

/**
 * A second `next start` on the project's database, with settings of its own (a trusted proxy, an
 * https NEXTAUTH_URL, small sign-in limits), started before the describe block's tests and stopped
 * after them. `env` may be a function, read when the server starts (after earlier `beforeAll`s). Its sign-in throttle and limits are its own (no Redis), so nothing leaks into the
 * shared server's counts.
 */
export function useExtraServer(env: Record<string, string> | (() => Record<string, string>)): { baseUrl: () => string } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer({
      databaseUrl: inject("databaseUrl"),
      logFile: inject("serverLogFile"),
      env: { REDIS_URL: "", NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), ...(typeof env === "function" ? env() : env) },
    });
  });
  afterAll(async () => server?.stop());
  return {
    baseUrl: () => {
      if (!server) throw new Error("the extra server has not started");
      return server.baseUrl;
    },
  };
}
