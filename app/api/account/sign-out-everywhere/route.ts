import { revokeUserSessions } from "@/lib/auth/sessions";
import { sessionActions } from "@/lib/contracts/session-actions";
import { serveSessionAction } from "@/lib/http/session-action";

// POST /api/account/sign-out-everywhere - end every session of the signed-in user, this one included
export const POST = serveSessionAction(sessionActions.signOutEverywhere, async ({ user }) => {
  await revokeUserSessions(user!.id);
  return { message: "Signed out everywhere" };
});
