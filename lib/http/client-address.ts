import { BlockList, isIP } from "node:net";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { randomBytes } from "node:crypto";
import { env } from "@/lib/env";

/**
 * Where a request came from, never taken from a header the client controls.
 *
 * `next start` gives route handlers no socket, and it fills `X-Forwarded-For` from the socket only
 * when the client sent none, so that header proves nothing. At start-up we stamp every incoming
 * request with its socket's peer address under a header name that is random per process (a client
 * cannot send it), from Node's `http.server.request.start` diagnostics channel, which fires before
 * the request reaches Next. Forwarded headers count only when DNC_TRUSTED_PROXIES says who may set them.
 */
const globalForPeer = globalThis as unknown as { dncPeerHeader?: string };

export function installPeerAddressStamp() {
  if (globalForPeer.dncPeerHeader) return;
  trustedProxies(); // a malformed DNC_TRUSTED_PROXIES stops the server now, not at the first sign-in
  const header = `x-dnc-peer-${randomBytes(12).toString("hex")}`;
  globalForPeer.dncPeerHeader = header;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    request.headers[header] = socket.remoteAddress ?? "";
  });
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

function headerOf(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) is 1.2.3.4. */
function canonicalAddress(address: string): string {
  const trimmed = address.trim();
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(trimmed) ? trimmed.slice(7) : trimmed;
}

/** The socket's address, or null when the stamp is not installed (not under `next start`). */
function peerAddress(headers: HeaderSource): string | null {
  const header = globalForPeer.dncPeerHeader;
  const value = header ? headerOf(headers, header) : undefined;
  return value ? canonicalAddress(value) : null;
}

export type TrustedProxies = { hops: number } | { networks: BlockList };

/** DNC_TRUSTED_PROXIES: a hop count (`1`) or a comma-separated list of addresses and CIDRs (`10.0.0.0/8, ::1`). */
export function parseTrustedProxies(value: string): TrustedProxies {
  if (/^\d+$/.test(value.trim())) return { hops: Number(value.trim()) };
  const networks = new BlockList();
  for (const item of value
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    const [address = "", prefix] = item.split("/");
    const family = isIP(address);
    if (family === 0) throw new Error(`DNC_TRUSTED_PROXIES: "${item}" is not an address or CIDR`);
    const type = family === 4 ? "ipv4" : "ipv6";
    const bits = prefix === undefined ? (family === 4 ? 32 : 128) : Number(prefix);
    if (!Number.isInteger(bits) || bits < 0 || bits > (family === 4 ? 32 : 128)) {
      throw new Error(`DNC_TRUSTED_PROXIES: "${item}" has an invalid prefix length`);
    }
    networks.addSubnet(address, bits, type);
  }
  return { networks };
}

let trusted: TrustedProxies | null | undefined;

function trustedProxies(): TrustedProxies | null {
  if (trusted === undefined) {
    const value = env().DNC_TRUSTED_PROXIES;
    trusted = value ? parseTrustedProxies(value) : null;
  }
  return trusted;
}

function isTrusted(address: string, networks: BlockList): boolean {
  const family = isIP(address);
  return family !== 0 && networks.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The hops a request passed, nearest last: the X-Forwarded-For list, then the peer. Without trusted
 * proxies only the peer counts. With them, the rightmost address a trusted proxy did not add is the
 * client: whatever a client writes into the header itself stays to the left of it.
 */
export function clientAddress(headers: HeaderSource, proxies: TrustedProxies | null = trustedProxies()): string | null {
  const peer = peerAddress(headers);
  if (!proxies || peer === null) return peer;
  const forwarded = (headerOf(headers, "x-forwarded-for") ?? "")
    .split(",")
    .map(canonicalAddress)
    .filter((part) => isIP(part) !== 0);
  const chain = [...forwarded, peer];
  if ("hops" in proxies) return chain[Math.max(0, chain.length - 1 - proxies.hops)]!;
  for (let index = chain.length - 1; index >= 0; index--) {
    if (!isTrusted(chain[index]!, proxies.networks)) return chain[index]!;
  }
  return chain[0]!;
}

/** Whether the peer is a trusted proxy, whose X-Forwarded-Host/-Proto (and X-Request-Id) may be believed. */
export function peerIsTrustedProxy(headers: HeaderSource, proxies: TrustedProxies | null = trustedProxies()): boolean {
  if (!proxies) return false;
  if ("hops" in proxies) return proxies.hops > 0;
  const peer = peerAddress(headers);
  return peer !== null && isTrusted(peer, proxies.networks);
}

/**
 * The origin the browser addressed: NEXTAUTH_URL's when configured; otherwise the Host header with
 * the scheme `next start` serves (http), or what a trusted proxy forwarded.
 */
export function publicOrigin(headers: HeaderSource, proxies: TrustedProxies | null = trustedProxies()): string | null {
  const configured = env().NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const forwarded = peerIsTrustedProxy(headers, proxies);
  const first = (value: string | undefined) => value?.split(",")[0]?.trim() || undefined;
  const host = (forwarded ? first(headerOf(headers, "x-forwarded-host")) : undefined) ?? headerOf(headers, "host");
  const scheme = (forwarded ? first(headerOf(headers, "x-forwarded-proto")) : undefined) ?? "http";
  if (!host || !/^https?$/.test(scheme)) return null;
  try {
    return new URL(`${scheme}://${host}`).origin;
  } catch {
    return null;
  }
}
