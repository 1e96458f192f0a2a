import { readFileSync } from "node:fs";
import { connect } from "node:net";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember, TEST_PASSWORD } from "../support/session";

const baseUrl = () => inject("baseUrl");

/** A raw request line, as a client that does not go through fetch's checks sends it. */
function rawRequest(head: string, bodyPart = "", options: { hangUpAfterMs?: number } = {}) {
  const { hostname, port } = new URL(baseUrl());
  return new Promise<string>((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(`${head}\r\nHost: ${hostname}:${port}\r\n${bodyPart}`);
      if (options.hangUpAfterMs !== undefined) setTimeout(() => (socket.destroy(), resolve("")), options.hangUpAfterMs);
    });
    let answer = "";
    socket.on("data", (chunk) => {
      answer += chunk.toString("utf8");
      if (answer.includes("\r\n\r\n") && /"}\s*$|\r\n\r\n$/.test(answer)) socket.end();
    });
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
const bodyOf = (answer: string) =>
  JSON.parse(
    answer
      .slice(answer.indexOf("\r\n\r\n") + 4)
      .replace(/^[0-9a-f]+\r\n/i, "")
      .replace(/\r\n0\r\n\r\n$/, ""),
  );

describe("requests Next.js cannot route get a 4xx in the envelope, never a 5xx", () => {
  it.each(["/api/v1/dnc/%ff", "/v1/dnc/%ff", "/api/v1/%ff", "/api/v1/dnc/%C0%80", "/api/auth/%ff", "/entries/%ff"])(
    "an undecodable path %s → 400 invalid_path",
    async (path) => {
      const team = await createTestTeam();
      for (const method of ["GET", "DELETE", "POST"]) {
        const response = await api(path, {
          method,
          key: team.writeKey,
          ...(method === "POST" ? { body: { url: uniqueProfileUrl() } } : {}),
        });
        expect({ method, status: response.status, error: response.body.error }).toEqual({ method, status: 400, error: "invalid_path" });
      }
      expect((await api("/api/v1/dnc", { key: team.readKey })).body.data.total).toBe(0);
    },
  );

  it.each([
    ["TRACE", "/api/v1/dnc"],
    ["TRACE", "/v1/dnc/dnc_AAAAAAAAAAAAAAAAAAAA"],
    ["TRACE", "/entries"],
    ["PROPFIND", "/api/v1/dnc"],
    ["MKCOL", "/v1/dnc"],
  ])("%s %s → 405 method_not_allowed", async (method, path) => {
    const answer = await rawRequest(`${method} ${path} HTTP/1.1\r\nConnection: close`, "\r\n");
    expect(statusOf(answer)).toBe(405);
    expect(bodyOf(answer)).toMatchObject({ error: "method_not_allowed", message: `Method ${method} is not supported` });
  });

  it("OPTIONS * (about the server as a whole) → 204 with the methods the server serves", async () => {
    const answer = await rawRequest("OPTIONS * HTTP/1.1\r\nConnection: close", "\r\n");
    expect(statusOf(answer)).toBe(204);
    expect(/\r\nallow: ([^\r]*)/i.exec(answer)?.[1]?.split(", ").sort()).toEqual([
      "DELETE",
      "GET",
      "HEAD",
      "OPTIONS",
      "PATCH",
      "POST",
      "PUT",
    ]);
  });

  it.each(["GET", "POST", "DELETE"])("%s * → 400 invalid_path", async (method) => {
    const answer = await rawRequest(`${method} * HTTP/1.1\r\nConnection: close\r\nContent-Length: 0`, "\r\n");
    expect(statusOf(answer)).toBe(400);
    expect(bodyOf(answer)).toMatchObject({ error: "invalid_path", message: "The request target * is for OPTIONS only; send a path" });
  });

  it("a method Node's parser does not know is refused with 400 before it reaches the app", async () => {
    expect(statusOf(await rawRequest("TRACK /api/v1/dnc HTTP/1.1\r\nConnection: close", "\r\n"))).toBe(400);
  });

  it.each([
    ["query", "/api/auth/signin?callbackUrl=%ff", {}],
    ["query", "/api/auth/signin?callbackUrl=http%3A%2F%2F%5B", {}],
    ["query", "/api/auth/session?callbackUrl=%3A%3A%3A", {}],
    ["cookie", "/api/auth/session", { cookie: "next-auth.callback-url=http%3A%2F%2F%5B" }],
    ["cookie", "/api/auth/signin", { cookie: "next-auth.callback-url=javascript%3Aalert(1)" }],
  ])("a malformed callbackUrl in the %s (%s) → 400 invalid_callback_url", async (_where, path, headers) => {
    const response = await api(path, { headers });
    expect(response.status).toBe(400);
    expect(response.body.error).toBe("invalid_callback_url");
  });

  it.each([
    "/api/auth/error?error=%ff",
    "/api/auth/error?error=%0d%0aSet-Cookie:%20x=1",
    "/api/auth/error?error=AccessDenied&error=%ff",
    "/api/auth/error/%0d%0aX",
  ])("an error code next-auth cannot put in a Location (%s) → 400 invalid_query", async (path) => {
    const response = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(response.status).toBe(400);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toMatchObject({ error: "invalid_query", message: expect.stringContaining("error code") });
  });

  it("a plain error code still leads to the sign-in page, which says it", async () => {
    const response = await fetch(`${baseUrl()}/api/auth/error?error=AccessDenied`, { redirect: "manual" });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/sign-in?error=AccessDenied");
  });

  it.each(["http://[", "%ff", ":::", "//evil.example/steal", "https://evil.example/steal"])(
    "a sign-in posting callbackUrl=%s is answered normally and never redirected off-site",
    async (callbackUrl) => {
      const member = await signedInMember(await createTestTeam(), "viewer");
      const csrf = await fetch(`${baseUrl()}/api/auth/csrf`);
      const cookie = csrf.headers
        .getSetCookie()
        .map((line) => line.split(";")[0])
        .join("; ");
      const { csrfToken } = (await csrf.json()) as { csrfToken: string };
      const response = await fetch(`${baseUrl()}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", cookie },
        body: new URLSearchParams({ csrfToken, email: member.email, password: TEST_PASSWORD, callbackUrl, json: "true" }),
        redirect: "manual",
      });
      expect(response.status).toBe(200);
      const { url } = (await response.json()) as { url: string };
      expect(new URL(url).hostname).not.toBe("evil.example");
    },
  );

  it("a client that hangs up mid-upload is logged at info level, without a stack trace", async () => {
    const team = await createTestTeam();
    const logFile = inject("serverLogFile");
    const logBefore = readFileSync(logFile, "utf8").length;
    await rawRequest(
      `POST /api/v1/dnc HTTP/1.1\r\nAuthorization: Bearer ${team.writeKey}\r\nContent-Type: application/json\r\nContent-Length: 1000`,
      '\r\n{"url":"in/hung-up',
      { hangUpAfterMs: 300 },
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Other test files share the server (and its log); look only at what this hang-up could have written.
    const written = readFileSync(logFile, "utf8").slice(logBefore);
    expect(written).toMatch(/\{"level":"info",[^\n]*"requestId":"req_\w+","msg":"client closed the connection before its body was read"\}/);
    expect(written).not.toMatch(
      /Error: (aborted|terminated)|ECONNRESET|ERR_STREAM_PREMATURE_CLOSE|request_aborted|"level":"error".*closed/,
    );
    expect((await api("/api/v1/dnc", { key: team.readKey })).body.data.total).toBe(0);
  });
});

describe("signing in never sends the browser to another site", () => {
  const hostile = [
    "/..//evil.test/phish",
    "/.//evil.test/phish",
    "/%2e%2e//evil.test/phish",
    "/%2E%2E//evil.test/phish",
    "/a/..//evil.test/phish",
    "/\\evil.test/phish",
    "/..\\evil.test/phish",
    "/\t/evil.test/phish",
    "/../\n/evil.test/phish",
    "//evil.test/phish",
    "https://evil.test/phish",
  ];

  it.each(hostile)("a signed-in GET /sign-in?next=%j answers a Location on the app's own origin", async (next) => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    // As typed into the address bar (what fetch leaves of it), and percent-encoded, as links carry it.
    for (const query of [`next=${next}`, `next=${encodeURIComponent(next)}`]) {
      const response = await fetch(`${baseUrl()}/sign-in?${query}`, { headers: { cookie: member.jar.header() }, redirect: "manual" });
      const location = response.headers.get("location") ?? "";
      expect({ query, status: response.status }).toEqual({ query, status: 307 });
      expect({ query, location, origin: new URL(location, baseUrl()).origin }).toEqual({ query, location, origin: baseUrl() });
    }
  });

  it("a path on this site is followed", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const response = await fetch(`${baseUrl()}/sign-in?next=${encodeURIComponent("/members?x=1")}`, {
      headers: { cookie: member.jar.header() },
      redirect: "manual",
    });
    const location = new URL(response.headers.get("location") ?? "", baseUrl());
    expect([location.origin, location.pathname, location.search]).toEqual([baseUrl(), "/members", "?x=1"]);
  });
});

describe("refused callers spend none of the team's budget", () => {
  it("writes refused with a read key or from a viewer leave the write budget whole", async () => {
    const team = await createTestTeam();
    const viewer = await signedInMember(team, "viewer");
    for (let i = 0; i < 8; i++) {
      expect((await api("/api/v1/dnc", { method: "POST", key: team.readKey, body: { url: uniqueProfileUrl() } })).status).toBe(403);
      const asViewer = { headers: { cookie: viewer.jar.header(), "x-dnc-team": team.slug, origin: baseUrl() } };
      expect((await api("/api/v1/dnc/dnc_AAAAAAAAAAAAAAAAAAAA", { method: "DELETE", body: {}, ...asViewer })).status).toBe(403);
    }
    for (let i = 0; i < 8; i++)
      expect((await api("/api/v1/dnc", { method: "POST", key: "dnc_live_not-a-real-key", body: { url: uniqueProfileUrl() } })).status).toBe(
        401,
      );
    const allowed = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl() } });
    expect(allowed.status).toBe(201);
    expect(allowed.headers.get("ratelimit-remaining")).toBe(String(Number(allowed.headers.get("ratelimit-limit")) - 1));
  });
});

describe("security headers on every response", () => {
  it.each([
    ["a page", "/sign-in", "page"],
    ["a redirect", "/entries", "page"],
    ["a missing page", "/no-such-page", "page"],
    ["an API answer", "/api/v1/dnc", "api"],
    ["the Kakiyo path", "/v1/dnc/check?url=in/x", "api"],
    ["an unknown API route", "/api/v1/nope", "api"],
    ["next-auth", "/api/auth/csrf", "api"],
    ["a refused path", "/api/v1/dnc/%ff", "api"],
    ["the health check", "/api/health", "api"],
  ])("%s (%s)", async (_label, path, kind) => {
    const response = await fetch(`${baseUrl()}${path}`, { redirect: "manual" });
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("no-referrer");
    expect(response.headers.get("permissions-policy")).toContain("camera=()");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    if (kind === "api") {
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(policy).toContain("default-src 'none'");
    } else {
      expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    }
  });

  it("every page response has a nonce of its own", async () => {
    const nonces = await Promise.all(
      [1, 2, 3].map(
        async () => /'nonce-([^']+)'/.exec((await fetch(`${baseUrl()}/sign-in`)).headers.get("content-security-policy") ?? "")?.[1],
      ),
    );
    expect(new Set(nonces).size).toBe(3);
  });
});
