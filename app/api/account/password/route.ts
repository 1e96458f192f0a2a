import { changePassword } from "@/lib/account/change-password";
import { attemptSource } from "@/lib/auth/password-attempt";
import { serveSessionAction } from "@/lib/http/session-action";
import { changePasswordBodySchema } from "@/lib/members/schemas";

// POST /api/account/password - change one's own password; every other session ends
export const POST = serveSessionAction(
  { schema: changePasswordBodySchema, errorFor: () => "invalid_body", session: "required" },
  async ({ body, user, request }) => {
    await changePassword({ user: user!, ...body, ...attemptSource(request.headers) });
    return { message: "Password changed; your other sessions have ended" };
  },
);
