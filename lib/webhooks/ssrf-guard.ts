import "server-only";
import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Addresses a webhook must never reach: loopback, private, link-local (cloud metadata included), CGNAT, unspecified. */
const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
blocked.addAddress("::", "ipv6");
blocked.addAddress("::1", "ipv6");
blocked.addSubnet("fc00::", 7, "ipv6");
blocked.addSubnet("fe80::", 10, "ipv6");

export function isPrivateAddress(address: string): boolean {
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) reaches the IPv4 host.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? "ipv4" : "ipv6");
}

export const allowsPrivateAddresses = () => env().DNC_WEBHOOK_ALLOW_PRIVATE === "1";

/** Every address `host` resolves to, refused (`invalid_webhook_url`) if any is private, unless private ones are allowed. */
export async function resolvePublicAddresses(host: string): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new AppError("invalid_webhook_url", `The host ${bare} does not resolve`);
  }
  if (!allowsPrivateAddresses() && addresses.some(({ address }) => isPrivateAddress(address))) {
    throw new AppError("invalid_webhook_url", `The host ${bare} resolves to a private, loopback or link-local address`);
  }
  return addresses;
}

/** An http(s) URL whose host resolves to public addresses only. */
export async function assertWebhookUrl(url: string): Promise<void> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError("invalid_webhook_url");
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new AppError("invalid_webhook_url", "url must be http or https");
  if (parsed.username || parsed.password) throw new AppError("invalid_webhook_url", "url must not carry credentials");
  await resolvePublicAddresses(parsed.hostname);
}
