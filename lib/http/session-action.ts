import "server-only";
import type { z } from "zod";
import { assertNotCrossSite } from "@/lib/auth/authenticate-session";
import { parseCookieHeader, readSessionUser, type SessionUser } from "@/lib/auth/session";
import { AppError, type ErrorCode } from "@/lib/errors";
import { newRequestId } from "@/lib/ids";
import { errorResponse, ok } from "./api-route";
import { parseInput } from "./parse-input";
import { readJsonBody } from "./read-json-body";

type Issue = z.core.$ZodIssue;

/**
 * A browser action outside any one team (accepting an invitation, one's own account): POST only,
 * same origin with a JSON body (the session cookie's CSRF defence), the body validated with its
 * schema; `session: "required"` answers 401 without a valid session.
 */
export function serveSessionAction<Schema extends z.ZodType>(
  options: { schema: Schema; errorFor: (issue: Issue) => ErrorCode; session: "required" | "optional" },
  handle: (input: { body: z.output<Schema>; user: SessionUser | null; request: Request }) => Promise<unknown>,
) {
  return async (request: Request): Promise<Response> => {
    const requestId = newRequestId();
    try {
      assertNotCrossSite(request);
      const user = await readSessionUser(parseCookieHeader(request.headers.get("cookie")));
      if (!user && options.session === "required") throw new AppError("unauthorized", "Sign in first");
      const body = parseInput(options.schema, await readJsonBody(request), options.errorFor);
      const response = ok(await handle({ body, user, request }));
      response.headers.set("X-Request-Id", requestId);
      return response;
    } catch (error) {
      return errorResponse(error, requestId);
    }
  };
}
