import { networkInterfaces } from "node:os";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { newWebhookSecret, signWebhook } from "@/lib/webhooks/sign";
import { type AddressReach, judgeAddress } from "@/lib/webhooks/ssrf-guard";

describe("webhook signatures", () => {
  it("verify with the standardwebhooks library, and fail for another body or secret", () => {
    const secret = newWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const timestamp = Math.floor(Date.now() / 1000);
    const body = JSON.stringify({ type: "dnc.added", timestamp: new Date().toISOString(), data: { entries: [] } });
    const headers = {
      "webhook-id": "evt_1",
      "webhook-timestamp": String(timestamp),
      "webhook-signature": signWebhook(secret, "evt_1", timestamp, body),
    };
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace("added", "deleted"), headers)).toThrow();
    expect(() => new Webhook(newWebhookSecret()).verify(body, headers)).toThrow();
  });
});

/** Stand-ins for this host's interfaces, so "the server's own address" is tested with a public one too. */
const OWN = ["127.0.0.1", "::1", "10.9.8.7", "8.8.4.4", "2606:4700:4700::1001", "192.0.2.2"];

/** Without DNC_WEBHOOK_ALLOW_PRIVATE only `public` is reached; with it `private` too; `refused` never. */
const ADDRESSES: [address: string, reach: AddressReach][] = [
  ["8.8.8.8", "public"],
  ["93.184.215.14", "public"],
  ["172.32.0.1", "public"],
  ["100.128.0.1", "public"],
  ["198.20.0.1", "public"],
  ["2606:4700::1111", "public"],
  ["2606:4700:4700::1111", "public"],
  ["2a00:1450:4001:80b::200e", "public"],
  ["::ffff:8.8.8.8", "public"],
  ["::8.8.8.8", "public"],
  ["64:ff9b::808:808", "public"],
  ["2002:808:808::1", "public"],
  // Teredo, server 65.54.227.120, client 8.8.8.8 (stored XOR ffff:ffff)
  ["2001:0:4136:e378:8000:63bf:f7f7:f7f7", "public"],

  ["127.0.0.1", "private"],
  ["127.255.0.9", "private"],
  ["10.0.0.1", "private"],
  ["172.16.0.1", "private"],
  ["172.31.255.255", "private"],
  ["192.168.1.1", "private"],
  ["169.254.169.254", "private"],
  ["100.64.0.1", "private"],
  ["100.127.255.254", "private"],
  ["::1", "private"],
  ["fd00:ec2::254", "private"],
  ["fc00::1", "private"],
  ["fe80::1", "private"],
  ["fec0::1", "private"],
  ["::ffff:127.0.0.1", "private"],
  ["::ffff:10.0.0.1", "private"],
  ["::127.0.0.1", "private"],
  ["::ffff:0:7f00:1", "private"],
  ["::ffff:0:a9fe:a9fe", "private"],
  ["64:ff9b::7f00:1", "private"],
  ["64:ff9b::a00:1", "private"],
  ["64:ff9b:1::c0a8:101", "private"],
  ["2002:7f00:1::", "private"],
  ["2002:a9fe:a9fe::1", "private"],
  // Teredo whose client is 127.0.0.1, and one whose server is 10.0.0.1
  ["2001:0:4136:e378:8000:63bf:80ff:fffe", "private"],
  ["2001:0:a00:1:8000:63bf:f7f7:f7f7", "private"],
  // The host's own addresses, public ones included, in any spelling
  ["8.8.4.4", "private"],
  ["::ffff:8.8.4.4", "private"],
  ["2606:4700:4700:0:0:0:0:1001", "private"],

  ["0.0.0.0", "refused"],
  ["0.1.2.3", "refused"],
  ["255.255.255.255", "refused"],
  ["224.0.0.1", "refused"],
  ["239.255.255.250", "refused"],
  ["240.0.0.1", "refused"],
  ["198.18.0.1", "refused"],
  ["192.0.2.1", "refused"],
  // An own address in a range no webhook may reach stays refused
  ["192.0.2.2", "refused"],
  ["203.0.113.9", "refused"],
  ["::", "refused"],
  ["ff02::1", "refused"],
  ["2001:db8::1", "refused"],
  ["100::1", "refused"],
  ["::ffff:0.0.0.0", "refused"],
  ["::ffff:224.0.0.1", "refused"],
  ["64:ff9b::ffff:ffff", "refused"],
  ["2002:f000:1::", "refused"],
  // Teredo whose client is 192.0.2.45 (documentation)
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "refused"],
  ["not an address", "refused"],
  ["", "refused"],
];

describe("judgeAddress", () => {
  it.each(ADDRESSES)("%s is %s", (address, reach) => expect(judgeAddress(address, OWN)).toBe(reach));

  it("takes every address of this host's real interfaces as its own: none is public", () => {
    const own = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((entry) => entry.address));
    expect(own.length).toBeGreaterThan(0);
    for (const address of own) expect(judgeAddress(address), address).not.toBe("public");
  });
});
