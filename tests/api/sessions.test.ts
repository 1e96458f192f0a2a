import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { useExtraServer } from "../support/extra-server";
import { createTestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { type CookieJar, signedInMember, signIn, signOut, TEST_PASSWORD } from "../support/session";

const PUBLIC_URL = "https://dnc.example.test";

describe("sessions end on the server", () => {
  it("after sign-out the old cookie gets 401, while the same person's other session goes on", async () => {
    const team = await createTestTeam();
    const member = await signedInMember(team, "admin");
    const other = await signIn(member.email, TEST_PASSWORD);
    const asCookie = (cookie: string) => ({ headers: { cookie, "x-dnc-team": team.slug } });
    const stolen = member.jar.header();
    expect((await api("/api/v1/dnc", asCookie(stolen))).status).toBe(200);

    await signOut(member.jar);
    const replayed = await api("/api/v1/dnc", asCookie(stolen));
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe("unauthorized");
    const page = await fetch(`${inject("baseUrl")}/entries`, { headers: { cookie: stolen }, redirect: "manual" });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toContain("/sign-in");

    expect((await api("/api/v1/dnc", asCookie(other.jar.header()))).status).toBe(200);
  });
});

/** What next-auth's own session endpoint (the one next-auth/react reads) says about a cookie: its user, or `{}`. */
async function nextAuthSession(cookie: string) {
  const response = await api("/api/auth/session", { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.body as { user?: { email: string } };
}

const post = (path: string, jar: CookieJar, body: unknown = {}) =>
  api(path, { method: "POST", body, headers: { cookie: jar.header(), origin: inject("baseUrl") } });

describe("/api/auth/session answers no user for a cookie whose session has ended", () => {
  it("after sign-out, while the same person's other session still has its user", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const other = await signIn(member.email, TEST_PASSWORD);
    const copied = member.jar.header();
    expect((await nextAuthSession(copied)).user?.email).toBe(member.email);
    await signOut(member.jar);
    expect(await nextAuthSession(copied)).toEqual({});
    expect((await nextAuthSession(other.jar.header())).user?.email).toBe(member.email);
  });

  it("after sign-out everywhere, for every session", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const other = await signIn(member.email, TEST_PASSWORD);
    expect((await post("/api/account/sign-out-everywhere", member.jar)).status).toBe(200);
    expect(await nextAuthSession(member.jar.header())).toEqual({});
    expect(await nextAuthSession(other.jar.header())).toEqual({});
  });

  it("after a password change, for every session but the one that changed it", async () => {
    const member = await signedInMember(await createTestTeam(), "viewer");
    const other = await signIn(member.email, TEST_PASSWORD);
    const changed = await post("/api/account/password", member.jar, {
      currentPassword: TEST_PASSWORD,
      newPassword: "quiet-lantern-harbour-47",
    });
    expect(changed.status).toBe(200);
    expect(await nextAuthSession(other.jar.header())).toEqual({});
    expect((await nextAuthSession(member.jar.header())).user?.email).toBe(member.email);
  });

  it("after removal from the team, when it was their last; a member of another team stays signed in there", async () => {
    const team = await createTestTeam();
    const owner = await signedInMember(team, "owner");
    const member = await signedInMember(team, "viewer");
    const twoTeams = await signedInMember(team, "viewer");
    const { createUser } = await import("@/lib/users/create-user");
    await createUser({ email: twoTeams.email, password: TEST_PASSWORD, teamId: (await createTestTeam()).id, role: "viewer" });
    const db = await testDb();
    for (const removed of [member, twoTeams]) {
      const { id } = await db.user.findUniqueOrThrow({ where: { email: removed.email } });
      const response = await api(`/api/v1/members/${id}`, {
        method: "DELETE",
        body: {},
        headers: { cookie: owner.jar.header(), "x-dnc-team": team.slug, origin: inject("baseUrl") },
      });
      expect(response.status).toBe(200);
    }
    expect(await nextAuthSession(member.jar.header())).toEqual({});
    expect((await nextAuthSession(twoTeams.jar.header())).user?.email).toBe(twoTeams.email);
  });
});

describe("the same-origin check compares scheme, host and port", () => {
  it.each([
    ["another scheme", (origin: URL) => `https://${origin.host}`],
    ["another port", (origin: URL) => `${origin.protocol}//${origin.hostname}:${Number(origin.port) + 1}`],
    ["another host on the same port", (origin: URL) => `${origin.protocol}//localhost:${origin.port}`],
  ])("a session write whose Origin has %s is refused", async (_label, originFor) => {
    const team = await createTestTeam();
    const owner = await signedInMember(team, "owner");
    const origin = originFor(new URL(inject("baseUrl")));
    const response = await api("/api/v1/dnc", {
      method: "POST",
      body: { url: uniqueProfileUrl() },
      headers: { cookie: owner.jar.header(), "x-dnc-team": team.slug, origin },
    });
    expect(response.status).toBe(403);
    expect(response.body.error).toBe("forbidden");
  });
});

describe(`behind TLS (NEXTAUTH_URL=${PUBLIC_URL})`, () => {
  const server = useExtraServer({ NEXTAUTH_URL: PUBLIC_URL });

  it("only the __Secure- session cookie is read, and only the public origin may write", async () => {
    const team = await createTestTeam();
    const owner = await signedInMember(team, "owner");
    const { jar, error } = await signIn(owner.email, TEST_PASSWORD, server.baseUrl());
    expect(error).toBeNull();
    const token = jar.get("__Secure-next-auth.session-token");
    expect(token).toBeTruthy();
    // The device cookie too is https-only and bound to this host.
    expect(jar.get("__Host-dnc-device")).toBeTruthy();
    expect(jar.has("dnc-device")).toBe(false);
    const read = (cookie: string) => api("/api/v1/dnc", { baseUrl: server.baseUrl(), headers: { cookie, "x-dnc-team": team.slug } });
    expect((await read(`__Secure-next-auth.session-token=${token}`)).status).toBe(200);
    expect((await read(`next-auth.session-token=${token}`)).status).toBe(401);

    const write = (origin: string) =>
      api("/api/v1/dnc", {
        method: "POST",
        baseUrl: server.baseUrl(),
        body: { url: uniqueProfileUrl() },
        headers: { cookie: `__Secure-next-auth.session-token=${token}`, "x-dnc-team": team.slug, origin },
      });
    expect((await write(server.baseUrl())).status).toBe(403);
    expect((await write(PUBLIC_URL)).status).toBe(201);
  });
});
