import { z } from "zod";
import { revokeUserSessions } from "@/lib/auth/sessions";
import { serveSessionAction } from "@/lib/http/session-action";

// POST /api/account/sign-out-everywhere - end every session of the signed-in user, this one included
export const POST = serveSessionAction({ schema: z.object({}), errorFor: () => "invalid_body", session: "required" }, async ({ user }) => {
  await revokeUserSessions(user!.id);
  return { message: "Signed out everywhere" };
});
