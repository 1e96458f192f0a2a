import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";

/** Where a change-feed reader is: after the change with this sequence number, as of `issuedAt` (ms). */
export type ChangeFeedCursor = { after: number; issuedAt: number };

/**
 * A cursor is `base64url("2.<after>.<issuedAt>.<mac>")`, the MAC an HMAC-SHA-256 of the fields and
 * the team's id under a key derived from the server secret (HKDF, so it is never the key that signs
 * sessions). Edited, truncated, another team's or another installation's cursors fail the MAC, so
 * a cursor's age can be trusted and expiry cannot be skipped by writing a future issue time.
 */
export function encodeChangeFeedCursor(cursor: ChangeFeedCursor, teamId: string, secret: string): string {
  const fields = `2.${cursor.after}.${cursor.issuedAt}`;
  return Buffer.from(`${fields}.${mac(fields, teamId, secret)}`).toString("base64url");
}

/** The cursor's position and issue time, or null when it is not one this server gave this team. */
export function decodeChangeFeedCursor(text: string, teamId: string, secret: string): ChangeFeedCursor | null {
  const decoded = Buffer.from(text, "base64url");
  // Buffer skips characters outside the alphabet: only the exact encoding of a cursor is one.
  if (decoded.toString("base64url") !== text) return null;
  const match = /^(2\.(\d{1,15})\.(\d{1,15}))\.([\w-]{43})$/.exec(decoded.toString("latin1"));
  if (!match) return null;
  const [, fields, after, issuedAt, given] = match as unknown as [string, string, string, string, string];
  if (!timingSafeEqual(Buffer.from(given), Buffer.from(mac(fields, teamId, secret)))) return null;
  return { after: Number(after), issuedAt: Number(issuedAt) };
}

function mac(fields: string, teamId: string, secret: string): string {
  const key = Buffer.from(hkdfSync("sha256", secret, "", "dnc change-feed cursor", 32));
  return createHmac("sha256", key).update(`${fields}\n${teamId}`).digest("base64url");
}
