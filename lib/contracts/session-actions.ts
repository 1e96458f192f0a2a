import { z } from "zod";
import type { ErrorCode } from "@/lib/errors";
import { acceptedInvitationSchema, acceptInvitationBodySchema, changePasswordBodySchema } from "@/lib/members/schemas";

/**
 * A browser action outside any one team, beside the API rather than in it (no API key, no team, not
 * in the OpenAPI document): POST of a JSON body to `path`, answered in the envelope.
 */
export type SessionActionContract = {
  path: `/api/${string}`;
  body: z.ZodType;
  /** Every malformed body gets this one code: only the dashboard sends these. */
  invalid: ErrorCode;
  /** `required` answers 401 without a valid session. */
  session: "required" | "optional";
  success: z.ZodType;
};

const done = z.object({ message: z.string() });

export const sessionActions = {
  changePassword: {
    path: "/api/account/password",
    body: changePasswordBodySchema,
    invalid: "invalid_body",
    session: "required",
    success: done,
  },
  signOutEverywhere: {
    path: "/api/account/sign-out-everywhere",
    body: z.object({}),
    invalid: "invalid_body",
    session: "required",
    success: done,
  },
  acceptInvitation: {
    path: "/api/invitations/accept",
    body: acceptInvitationBodySchema,
    invalid: "invalid_body",
    session: "optional",
    success: acceptedInvitationSchema,
  },
} as const satisfies Record<string, SessionActionContract>;
