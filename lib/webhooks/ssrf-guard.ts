import "server-only";
import { lookup } from "node:dns/promises";
import { networkInterfaces } from "node:os";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/**
 * How far a webhook may reach an address: `public` always; `private` (loopback, RFC 1918,
 * link-local and cloud metadata, CGNAT, unique-local, and this host's own interfaces) only with
 * DNC_WEBHOOK_ALLOW_PRIVATE=1; `refused` never (unspecified, broadcast, multicast, reserved,
 * documentation and benchmarking ranges, and anything that is not an address).
 */
export type AddressReach = "public" | "private" | "refused";

/** ipaddr.js range names that mean "inside this host or its network": what the allow-private flag opens. */
const PRIVATE_RANGES = new Set(["loopback", "private", "linkLocal", "carrierGradeNat", "uniqueLocal", "deprecatedSiteLocal"]);

/**
 * Judges an address by ipaddr.js's special-range table (only `unicast` is public). An IPv6 address
 * that carries an IPv4 one (mapped, compatible, NAT64, 6to4, Teredo) reaches that IPv4 host, so the
 * IPv4 address is judged instead; when several could be meant, the least reachable verdict wins.
 */
export function judgeAddress(address: string, ownAddresses: string[] = hostAddresses()): AddressReach {
  if (!ipaddr.isValid(address)) return "refused";
  const ip = ipaddr.parse(address);
  const carried = carriedIPv4(ip);
  const judged = carried.length > 0 ? carried : [ip];
  const own = new Set(ownAddresses.filter((mine) => ipaddr.isValid(mine)).map((mine) => ipaddr.parse(mine).toNormalizedString()));
  const verdicts = judged.map((each) => {
    const range = each.range();
    if (range === "unicast") return "public";
    return PRIVATE_RANGES.has(range) ? "private" : "refused";
  });
  if ([ip, ...judged].some((each) => own.has(each.toNormalizedString()))) verdicts.push("private");
  if (verdicts.includes("refused")) return "refused";
  return verdicts.includes("private") ? "private" : "public";
}

/** The IPv4 address(es) an IPv6 address stands for; none for a plain IPv6 or an IPv4 address. */
function carriedIPv4(ip: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4[] {
  if (ip.kind() !== "ipv6") return [];
  const bytes = ip.toByteArray();
  const v4 = (at: number[], mask = 0) => new ipaddr.IPv4(at.map((i) => bytes[i]! ^ mask));
  switch (ip.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
    // NAT64 64:ff9b::a.b.c.d, and the local-use 64:ff9b:1::/48 read with the same /96 layout, the one
    // DNS64 synthesises in practice (RFC 6052 allows shorter prefixes, which no guard can tell apart).
    case "rfc6052":
      return [v4([12, 13, 14, 15])];
    case "6to4": // 2002:aabb:ccdd::
      return [v4([2, 3, 4, 5])];
    case "teredo": // 2001:0:<server v4>:<flags>:<port>:<client v4 XOR ffff:ffff>
      return [v4([4, 5, 6, 7]), v4([12, 13, 14, 15], 0xff)];
    case "unicast": // IPv4-compatible ::a.b.c.d (:: and ::1 have ranges of their own)
      return bytes.slice(0, 12).every((byte) => byte === 0) ? [v4([12, 13, 14, 15])] : [];
    default:
      return [];
  }
}

/** Every address of this host's interfaces, v4 and v6: a webhook aimed at them reaches the server itself. */
function hostAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
}

export const allowsPrivateAddresses = () => env().DNC_WEBHOOK_ALLOW_PRIVATE === "1";

/** Every address `host` resolves to, refused (`invalid_webhook_url`) unless every one may be reached. */
export async function resolvePublicAddresses(host: string): Promise<{ address: string; family: number }[]> {
  const bare = host.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new AppError("invalid_webhook_url", `The host ${bare} does not resolve`);
  }
  const reach = addresses.map(({ address }) => judgeAddress(address));
  if (reach.includes("refused")) {
    throw new AppError(
      "invalid_webhook_url",
      `The host ${bare} resolves to an address no webhook may reach (unspecified, broadcast, multicast or reserved)`,
    );
  }
  if (!allowsPrivateAddresses() && reach.includes("private")) {
    throw new AppError(
      "invalid_webhook_url",
      `The host ${bare} resolves to a private, loopback or link-local address, or to this server's own`,
    );
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
