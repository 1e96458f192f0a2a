import { request as httpRequest } from "node:http";
import { describe, expect, inject, it } from "vitest";
import { createTestTeam } from "../support/fixtures";
import { useExtraServer } from "../support/extra-server";
import { CookieJar, signedInMember, signIn, TEST_PASSWORD, type TestMember } from "../support/session";

const THROTTLED = /^too_many_attempts:\d+$/;

/** One HTTP exchange from a chosen loopback address (Linux routes all of 127/8 to lo), so tests can be different clients. */
function requestFrom(from: string, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; setCookies: string[]; retryAfter?: string; body: string }>((resolve, reject) => {
    const outgoing = httpRequest(url, { method: init.method ?? "GET", headers: init.headers, localAddress: from }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () =>
        resolve({
          status: response.statusCode ?? 0,
          setCookies: response.headers["set-cookie"] ?? [],
          retryAfter: response.headers["retry-after"],
          body,
        }),
      );
    });
    outgoing.on("error", reject);
    outgoing.end(init.body);
  });
}

/**
 * next-auth's credentials sign-in from a client at `from`, with extra headers (a forged X-Forwarded-For)
 * and the browser's cookies beforehand (`jar`, updated); returns the error code or null.
 */
async function signInFrom(
  baseUrl: string,
  from: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
  jar = new CookieJar(),
) {
  const csrf = await requestFrom(from, `${baseUrl}/api/auth/csrf`, { headers: { cookie: jar.header() } });
  storeCookies(jar, csrf.setCookies);
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const response = await requestFrom(from, `${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header(), ...headers },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }).toString(),
  });
  storeCookies(jar, response.setCookies);
  const { url } = JSON.parse(response.body) as { url: string };
  return new URL(url).searchParams.get("error");
}

function storeCookies(jar: CookieJar, setCookies: string[]) {
  for (const line of setCookies) {
    const [pair] = line.split(";");
    const index = pair!.indexOf("=");
    jar.set(pair!.slice(0, index), pair!.slice(index + 1));
  }
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

const DEVICE_COOKIE = "dnc-device";
const NEW_PASSWORD = "quiet-lantern-harbour-47";

/**
 * Each test below guesses from a loopback address of its own (127.0.2.<n>): the shared server's
 * per-address allowance is then not spent by other files' sign-ins, nor theirs by these.
 */
let lastAddress = 0;
function client() {
  const from = `127.0.2.${++lastAddress}`;
  return {
    signIn: (email: string, password: string, jar?: CookieJar) => signInFrom(inject("baseUrl"), from, email, password, {}, jar),
    /** POST /api/account/password as the account page sends it, with the given cookies. */
    async changePassword(cookie: string, currentPassword: string) {
      const response = await requestFrom(from, `${inject("baseUrl")}/api/account/password`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: inject("baseUrl"), cookie },
        body: JSON.stringify({ currentPassword, newPassword: NEW_PASSWORD }),
      });
      return { status: response.status, retryAfter: response.retryAfter, body: JSON.parse(response.body) as Record<string, unknown> };
    },
  };
}

/** A browser that has only the device cookie `member`'s sign-in left in it (its session cookie gone). */
const deviceOnly = (member: TestMember) => new CookieJar().set(DEVICE_COOKIE, member.jar.get(DEVICE_COOKIE)!);

describe("a browser that signed in before has its own attempts (OWASP device cookies)", () => {
  it("a sign-in leaves an HttpOnly, SameSite=Lax device cookie", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const from = `127.0.2.${++lastAddress}`;
    const csrf = await requestFrom(from, `${inject("baseUrl")}/api/auth/csrf`);
    const response = await requestFrom(from, `${inject("baseUrl")}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrf.setCookies.map((c) => c.split(";")[0]).join("; ") },
      body: new URLSearchParams({
        csrfToken: (JSON.parse(csrf.body) as { csrfToken: string }).csrfToken,
        email: member.email,
        password: TEST_PASSWORD,
        json: "true",
      }).toString(),
    });
    const device = response.setCookies.find((line) => line.startsWith(`${DEVICE_COOKIE}=`));
    expect(device).toMatch(/; HttpOnly/i);
    expect(device).toMatch(/; SameSite=Lax/i);
    expect(device).toMatch(/; Path=\/(;|$)/i);
  });

  it("five wrong guesses lock out browsers without a device cookie, yet the owner's browser still gets in", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const stranger = client();
    for (let i = 0; i < 5; i++) expect(await stranger.signIn(member.email, "not-the-password")).toBe("CredentialsSignin");
    expect(await stranger.signIn(member.email, TEST_PASSWORD)).toMatch(THROTTLED);

    const owners = deviceOnly(member);
    expect(await client().signIn(member.email, TEST_PASSWORD, owners)).toBeNull();
    expect(owners.has("next-auth.session-token")).toBe(true);
    // Its sign-in did not lift the strangers' lockout.
    expect(await client().signIn(member.email, TEST_PASSWORD)).toMatch(THROTTLED);
  });

  it("a forged device cookie, or one issued for another account, counts as no device cookie", async () => {
    const team = await createTestTeam();
    const member = await signedInMember(team, "viewer");
    const someoneElse = await signedInMember(team, "viewer");
    const stranger = client();
    for (let i = 0; i < 5; i++) expect(await stranger.signIn(member.email, "not-the-password")).toBe("CredentialsSignin");
    const [nonce] = member.jar.get(DEVICE_COOKIE)!.split(".");
    for (const forged of [`${nonce}.${"A".repeat(43)}`, "garbage", someoneElse.jar.get(DEVICE_COOKIE)!]) {
      expect(await stranger.signIn(member.email, TEST_PASSWORD, new CookieJar().set(DEVICE_COOKIE, forged)), forged).toMatch(THROTTLED);
    }
    expect(await stranger.signIn(member.email, TEST_PASSWORD, deviceOnly(member))).toBeNull();
  });

  it("a device cookie that fails five times is locked itself, while the account stays open to others", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const device = deviceOnly(member);
    const thief = client();
    for (let i = 0; i < 5; i++) expect(await thief.signIn(member.email, "not-the-password", device)).toBe("CredentialsSignin");
    expect(await thief.signIn(member.email, TEST_PASSWORD, device)).toMatch(THROTTLED);
    expect(await client().signIn(member.email, TEST_PASSWORD)).toBeNull();
  });
});

describe("changing the password spends the same attempts as signing in", () => {
  it("of 100 wrong current passwords at once 5 are checked; the rest, and then the right one, get 429 with Retry-After", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const browser = client();
    const answers = await Promise.all(Array.from({ length: 100 }, () => browser.changePassword(member.jar.header(), "not-the-password")));
    expect(answers.filter((answer) => answer.status === 400 && answer.body.error === "wrong_password")).toHaveLength(5);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused).toHaveLength(95);
    const right = await browser.changePassword(member.jar.header(), TEST_PASSWORD);
    for (const answer of [refused[0]!, right]) {
      expect(answer.status).toBe(429);
      expect(answer.body).toMatchObject({ error: "too_many_attempts", message: expect.stringMatching(/try again in 15 minutes/) });
      expect(answer.body.retryAfter).toBeGreaterThan(14 * 60);
      expect(answer.body.retryAfter).toBeLessThanOrEqual(15 * 60);
      expect(answer.retryAfter).toBe(String(answer.body.retryAfter));
    }
    expect(await client().signIn(member.email, NEW_PASSWORD)).toBe("CredentialsSignin");
  });

  it("a right current password clears the account's attempts, as a sign-in does", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const browser = client();
    // The session cookie without the device cookie: the account's own attempts are spent.
    const sessionOnly = `next-auth.session-token=${member.jar.get("next-auth.session-token")}`;
    for (let i = 0; i < 4; i++) expect((await browser.changePassword(sessionOnly, "not-the-password")).body.error).toBe("wrong_password");
    expect((await browser.changePassword(sessionOnly, TEST_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect(await browser.signIn(member.email, "not-the-password")).toBe("CredentialsSignin");
    expect(await browser.signIn(member.email, NEW_PASSWORD)).toMatch(THROTTLED);
  });

  it("strangers' wrong guesses do not stop the owner, whose browser has a device cookie, from changing the password", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const stranger = client();
    for (let i = 0; i < 5; i++) expect(await stranger.signIn(member.email, "not-the-password")).toBe("CredentialsSignin");
    expect((await client().changePassword(member.jar.header(), TEST_PASSWORD)).status).toBe(200);
  });
});
