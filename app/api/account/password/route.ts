import { changePassword } from "@/lib/account/change-password";
import { sessionActions } from "@/lib/contracts/session-actions";
import { serveSessionAction } from "@/lib/http/session-action";

// POST /api/account/password - change one's own password; every other session ends
export const POST = serveSessionAction(sessionActions.changePassword, async ({ body, user }) => {
  await changePassword({ user: user!, ...body });
  return { message: "Password changed; your other sessions have ended" };
});
