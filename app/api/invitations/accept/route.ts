import { serveSessionAction } from "@/lib/http/session-action";
import { acceptInvitation } from "@/lib/members/accept-invitation";
import { acceptInvitationBodySchema } from "@/lib/members/schemas";

// POST /api/invitations/accept - join the team of a pending invitation (signed in, or with a new account)
export const POST = serveSessionAction(
  { schema: acceptInvitationBodySchema, errorFor: () => "invalid_body", session: "optional" },
  ({ body, user }) => acceptInvitation({ ...body, sessionUser: user }),
);
