import { changePassword } from "@/lib/account/change-password";
import { attemptSource } from "@/lib/auth/password-attempt";
import { sessionActions } from "@/lib/contracts/session-actions";
import { serveSessionAction } from "@/lib/http/session-action";

// POST /api/account/password - change one's own password; every other session ends
export const POST = serveSessionAction(sessionActions.changePassword, async ({ body, user, request }) => {
  await changePassword({ user: user!, ...body, ...attemptSource(request.headers) });
  return { message: "Password changed; your other sessions have ended" };
});
