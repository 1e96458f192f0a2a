import "server-only";
import type { z } from "zod";
import { assertNotCrossSite } from "@/lib/auth/authenticate-session";
import { parseCookieHeader, readSessionUser, type SessionUser } from "@/lib/auth/session";
import type { SessionActionContract } from "@/lib/contracts/session-actions";
import { AppError } from "@/lib/errors";
import { observed } from "@/lib/observability/observe-request";
import { errorResponse, ok } from "./api-route";
import { parseInput } from "./parse-input";
import { readJsonBody } from "./read-json-body";
import { requestIdOf } from "./request-id";

/**
 * A browser action outside any one team (accepting an invitation, one's own account), as its
 * contract says: POST only, same origin with a JSON body (the session cookie's CSRF defence), the
 * body validated with its schema, and the answer the contract promises.
 */
export function serveSessionAction<Action extends SessionActionContract>(
  action: Action,
  handle: (input: { body: z.output<Action["body"]>; user: SessionUser | null; request: Request }) => Promise<z.output<Action["success"]>>,
) {
  return async (request: Request): Promise<Response> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    let user: SessionUser | null = null;
    let response: Response;
    try {
      assertNotCrossSite(request);
      user = await readSessionUser(parseCookieHeader(request.headers.get("cookie")));
      if (!user && action.session === "required") throw new AppError("unauthorized", "Sign in first");
      const body = parseInput<Action["body"]>(action.body, await readJsonBody(request), () => action.invalid);
      response = ok(await handle({ body, user, request }));
    } catch (error) {
      response = errorResponse(error, requestId);
    }
    return observed(response, { requestId, route: action.path, method: "POST", startedAt, userId: user?.id });
  };
}
