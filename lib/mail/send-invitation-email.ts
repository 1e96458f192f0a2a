import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { errorField, logger } from "@/lib/observability/logger";

/**
 * Sends the invitation link by e-mail when SMTP_URL is set (e.g. `smtp://user:pass@mail.example:587`).
 * Returns whether it was handed to the mail server. A failure is logged and reported as not sent:
 * the link is shown to the inviter anyway, who can pass it on another way.
 */
export async function sendInvitationEmail(invitation: {
  to: string;
  teamName: string;
  role: string;
  invitedBy: string;
  url: string;
}): Promise<boolean> {
  const { SMTP_URL, SMTP_FROM } = env();
  if (!SMTP_URL) return false;
  try {
    await nodemailer.createTransport(SMTP_URL).sendMail({
      from: SMTP_FROM,
      to: invitation.to,
      subject: `You are invited to ${invitation.teamName} on DNC Console`,
      text: [
        `${invitation.invitedBy} invited you to join ${invitation.teamName} on DNC Console as ${invitation.role}.`,
        "",
        `Accept within 7 days: ${invitation.url}`,
        "",
        "The link works once. If you did not expect it, ignore this message.",
      ].join("\n"),
    });
    return true;
  } catch (error) {
    logger().error({ error: errorField(error) }, "invitation e-mail not sent");
    return false;
  }
}
