import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { createTestTeam } from "../support/fixtures";
import { useExtraServer } from "../support/extra-server";
import { signedInMember, signIn, TEST_PASSWORD } from "../support/session";

const THROTTLED = /^too_many_attempts:\d+$/;

/** One HTTP exchange from a chosen loopback address (Linux routes all of 127/8 to lo), so tests can be different clients. */
function requestFrom(from: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; setCookies: string[]; body: string }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: init.method ?? "GET", headers: init.headers, localAddress: from }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, setCookies: response.headers["set-cookie"] ?? [], body }));
    });
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

/** next-auth's credentials sign-in from a client at `from`, with extra headers (a forged X-Forwarded-For); returns the error code or null. */
async function signInFrom(baseUrl: string, from: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await requestFrom(from, `${baseUrl}/api/auth/csrf`);
  const cookie = csrf.setCookies.map((line) => line.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await requestFrom(from, `${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  const { url } = JSON.parse(response.body) as { url: string };
  return new URL(url).searchParams.get("error");
}

describe("sign-in throttling counts an attempt before the password is checked", () => {
  it("29 wrong passwords at once: 5 are checked, 24 refused, and the right password 60 ms later gets no session", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const wrong = Promise.all(Array.from({ length: 29 }, () => signIn(member.email, "not-the-password")));
    await new Promise((resolve) => setTimeout(resolve, 60));
    const right = await signIn(member.email, TEST_PASSWORD);
    const errors = (await wrong).map((attempt) => attempt.error);
    expect(errors.filter((error) => error === "CredentialsSignin")).toHaveLength(5);
    expect(errors.filter((error) => THROTTLED.test(error ?? ""))).toHaveLength(24);
    expect(right.error).toMatch(THROTTLED);
    expect(right.jar.has("next-auth.session-token")).toBe(false);
  });

  it("a refusal says how long to wait: about the window, since the oldest of the five attempts", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    for (let i = 0; i < 5; i++) expect((await signIn(member.email, "not-the-password")).error).toBe("CredentialsSignin");
    const seconds = Number((await signIn(member.email, TEST_PASSWORD)).error?.split(":")[1]);
    expect(seconds).toBeGreaterThan(14 * 60);
    expect(seconds).toBeLessThanOrEqual(15 * 60);
  });
});

describe("the per-address limit uses the socket's address unless a trusted proxy names the client", () => {
  const ATTACKER = "127.0.0.4";
  const VICTIM = "127.0.0.5";

  describe("no DNC_TRUSTED_PROXIES: X-Forwarded-For is ignored", () => {
    const server = useExtraServer({ DNC_SIGNIN_ADDRESS_LIMIT: "6" });

    it("rotating a forged X-Forwarded-For does not escape the limit, and forging the victim's address does not slow the victim", async () => {
      const victim = await signedInMember(await createTestTeam(), "viewer");
      for (let i = 0; i < 6; i++) {
        const error = await signInFrom(server.baseUrl(), ATTACKER, `sprayed-${i}@example.test`, "guess", {
          "x-forwarded-for": i % 2 ? VICTIM : `203.0.113.${i}`,
        });
        expect(error).toBe("CredentialsSignin");
      }
      // The seventh attempt from the attacker's socket waits, whatever address the header claims.
      expect(
        await signInFrom(server.baseUrl(), ATTACKER, "sprayed-7@example.test", "guess", { "x-forwarded-for": "198.51.100.77" }),
      ).toMatch(THROTTLED);
      expect(await signInFrom(server.baseUrl(), VICTIM, victim.email, TEST_PASSWORD)).toBeNull();
      // A growing delay, not a lockout: a second later the attacker's address may try once more.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await signInFrom(server.baseUrl(), ATTACKER, "sprayed-8@example.test", "guess")).toBe("CredentialsSignin");
      expect(await signInFrom(server.baseUrl(), ATTACKER, "sprayed-9@example.test", "guess")).toMatch(THROTTLED);
    });
  });

  describe("DNC_TRUSTED_PROXIES=1: the rightmost forwarded address, the one the proxy added, is the client", () => {
    const server = useExtraServer({ DNC_SIGNIN_ADDRESS_LIMIT: "3", DNC_TRUSTED_PROXIES: "1" });

    it("an attacker who writes the victim's address to the left is counted by their own, and the victim stays free", async () => {
      const victim = await signedInMember(await createTestTeam(), "viewer");
      // Every request comes through the proxy (one socket address); the proxy appends the real client.
      const viaProxy = (client: string, forged?: string) => ({ "x-forwarded-for": forged ? `${forged}, ${client}` : client });
      for (let i = 0; i < 3; i++) {
        expect(
          await signInFrom(server.baseUrl(), "127.0.0.1", `guess-${i}@example.test`, "guess", viaProxy("192.0.2.66", "192.0.2.10")),
        ).toBe("CredentialsSignin");
      }
      expect(
        await signInFrom(server.baseUrl(), "127.0.0.1", "guess-3@example.test", "guess", viaProxy("192.0.2.66", "192.0.2.10")),
      ).toMatch(THROTTLED);
      expect(await signInFrom(server.baseUrl(), "127.0.0.1", victim.email, TEST_PASSWORD, viaProxy("192.0.2.10"))).toBeNull();
    });
  });
});
