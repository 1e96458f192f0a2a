import { sessionActions } from "@/lib/contracts/session-actions";
import { serveSessionAction } from "@/lib/http/session-action";
import { acceptInvitation } from "@/lib/members/accept-invitation";

// POST /api/invitations/accept - join the team of a pending invitation (signed in, or with a new account)
export const POST = serveSessionAction(sessionActions.acceptInvitation, ({ body, user }) =>
  acceptInvitation({ ...body, sessionUser: user }),
);
