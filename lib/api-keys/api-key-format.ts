import { createHash } from "node:crypto";
import { randomAlphanumeric } from "@/lib/ids";

const KEY_PREFIX = "dncsk_";
const SECRET_LENGTH = 40;
/** `dncsk_` plus the first six secret characters: enough to tell keys apart, useless to an attacker. */
const VISIBLE_PREFIX_LENGTH = KEY_PREFIX.length + 6;
const KEY_FORMAT = new RegExp(`^${KEY_PREFIX}[A-Za-z0-9]{${SECRET_LENGTH}}$`);

export type ApiKeyScope = "read" | "write";

export function generateApiKey(): { key: string; prefix: string; hash: string } {
  const key = KEY_PREFIX + randomAlphanumeric(SECRET_LENGTH);
  return { key, prefix: key.slice(0, VISIBLE_PREFIX_LENGTH), hash: hashApiKey(key) };
}

/** Keys carry 238 bits of entropy, so a fast unsalted hash is enough to make a stolen table useless. */
export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

export function isWellFormedApiKey(candidate: string): boolean {
  return KEY_FORMAT.test(candidate);
}
