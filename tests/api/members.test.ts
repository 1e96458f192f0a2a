import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, testDb } from "../support/fixtures";
import { signedInMember, signIn, TEST_PASSWORD, teamWithOwner, type TestMember } from "../support/session";

const origin = () => inject("baseUrl");
const STRONG = "a-long-unusual-passphrase-42";

/** A request as the dashboard sends it for a team. */
function as(member: TestMember, team: { slug: string }, init: { method?: string; body?: unknown } = {}) {
  return {
    method: init.method ?? "GET",
    body: init.body ?? (init.method && init.method !== "GET" ? {} : undefined),
    headers: { cookie: member.jar.header(), "x-dnc-team": team.slug, origin: origin() },
  };
}

async function userIdOf(email: string) {
  return (await (await testDb()).user.findUniqueOrThrow({ where: { email } })).id;
}

/** POST /api/invitations/accept as a browser does it (same origin, JSON), optionally signed in. */
function accept(body: Record<string, unknown>, member?: TestMember) {
  return api("/api/invitations/accept", {
    method: "POST",
    body,
    headers: { origin: origin(), ...(member ? { cookie: member.jar.header() } : {}) },
  });
}

async function invite(owner: TestMember, team: { slug: string }, email: string, role = "viewer") {
  const response = await api("/api/v1/invitations", as(owner, team, { method: "POST", body: { email, role } }));
  expect(response.status, JSON.stringify(response.body)).toBe(201);
  return { ...response.body.data, token: String(response.body.data.url).split("/invite/")[1] as string };
}

const freshEmail = (label: string) => `${label}-${Math.random().toString(36).slice(2, 10)}@example.test`;

describe("members and invitations", () => {
  it("a new password may not contain the invited e-mail's name or the team's name, and a guessable one gets zxcvbn's advice", async () => {
    const { team, owner } = await teamWithOwner();
    const email = freshEmail("zorblatt.fenwick");
    const invitation = await invite(owner, team, email);
    const refusal = async (password: string) => (await accept({ token: invitation.token, name: "Z", password })).body;
    const local = email.split("@")[0]!;
    expect(await refusal(`Lantern ${local.toUpperCase()} harbour`)).toEqual({
      error: "weak_password",
      message: `The password must not contain your e-mail address's name (${local})`,
    });
    expect(await refusal(`lantern-test-${team.slug}-harbour`)).toEqual({
      error: "weak_password",
      message: `The password must not contain the team's name (Test ${team.slug})`,
    });
    expect(await refusal("zorblatt12345")).toEqual({
      error: "weak_password",
      message:
        "This password is too easy to guess. There should not be any personal or page related data. Add more words that are less common.",
    });
    expect((await accept({ token: invitation.token, name: "Z", password: STRONG })).status).toBe(200);
  });

  it("an invited person sets a name and a strong password, joins with the invited role, and the link works once", async () => {
    const { team, owner } = await teamWithOwner();
    const email = freshEmail("new");
    const invitation = await invite(owner, team, email, "admin");
    expect(invitation.url).toMatch(new RegExp(`^${origin()}/invite/[A-Za-z0-9_-]{43}$`));
    expect(invitation.invitation).toMatchObject({ email, role: "admin", status: "pending", invitedBy: owner.email });
    expect(invitation.emailed).toBe(false);
    const stored = await (await testDb()).invitation.findUniqueOrThrow({ where: { id: invitation.invitation.id } });
    expect(stored.tokenHash).not.toContain(invitation.token);
    expect(JSON.stringify(stored)).not.toContain(invitation.token);

    for (const password of ["short-pass", "password1234", "Password1234"]) {
      const weak = await accept({ token: invitation.token, name: "New Person", password });
      expect(weak.status).toBe(400);
      expect(weak.body.error).toBe("weak_password");
    }
    const joined = await accept({ token: invitation.token, name: "New Person", password: STRONG });
    expect(joined.status).toBe(200);
    expect(joined.body.data).toEqual({ team: { slug: team.slug, name: expect.any(String) }, email });
    const again = await accept({ token: invitation.token, name: "Someone Else", password: STRONG });
    expect(again.status).toBe(404);
    expect(again.body).toMatchObject({ error: "invitation_invalid", message: "This invitation link has already been used" });

    const session = await signIn(email, STRONG);
    expect(session.error).toBeNull();
    const members = await api("/api/v1/members", { headers: { cookie: session.jar.header(), "x-dnc-team": team.slug } });
    expect(members.body.data.members).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ email, name: "New Person", role: "admin", isYou: true, lastSignInAt: expect.any(String) }),
      ]),
    );
    const audit = await api("/api/v1/audit?limit=10", as(owner, team));
    const actions = audit.body.data.events.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(["member.invited", "member.joined"]));
  });

  it("a revoked or expired link grants nothing; a current member cannot be invited again", async () => {
    const { team, owner } = await teamWithOwner();
    const revoked = await invite(owner, team, freshEmail("revoked"));
    expect((await api(`/api/v1/invitations/${revoked.invitation.id}`, as(owner, team, { method: "DELETE" }))).status).toBe(200);
    expect(await accept({ token: revoked.token, name: "X", password: STRONG })).toMatchObject({
      status: 404,
      body: { error: "invitation_invalid", message: "This invitation was revoked" },
    });
    expect((await api(`/api/v1/invitations/${revoked.invitation.id}`, as(owner, team, { method: "DELETE" }))).body.error).toBe(
      "invitation_not_found",
    );

    const expired = await invite(owner, team, freshEmail("expired"));
    await (await testDb()).invitation.update({ where: { id: expired.invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await accept({ token: expired.token, name: "X", password: STRONG })).body.message).toMatch(/expired/);
    expect((await accept({ token: "not-a-token", name: "X", password: STRONG })).body.error).toBe("invitation_invalid");

    const again = await api("/api/v1/invitations", as(owner, team, { method: "POST", body: { email: owner.email, role: "viewer" } }));
    expect(again).toMatchObject({ status: 409, body: { error: "already_member" } });
    const list = await api("/api/v1/invitations", as(owner, team));
    expect(list.body.data.invitations.map((i: { status: string }) => i.status).sort()).toEqual(["expired", "revoked"]);
  });

  it("two teams' invitations to one new email, accepted at the same moment with one password: one account, both memberships", async () => {
    const [first, second] = await Promise.all([teamWithOwner(), teamWithOwner()]);
    const email = freshEmail("twice");
    const invitations = await Promise.all([invite(first.owner, first.team, email), invite(second.owner, second.team, email, "admin")]);
    const answers = await Promise.all(
      invitations.map((invitation) => accept({ token: invitation.token, name: "Twice", password: STRONG })),
    );
    expect(answers.map((answer) => [answer.status, answer.body.error])).toEqual([
      [200, null],
      [200, null],
    ]);
    const db = await testDb();
    const users = await db.user.findMany({ where: { email }, include: { memberships: true } });
    expect(users).toHaveLength(1);
    expect(users[0]!.memberships.map((m) => [m.teamId, m.role]).sort()).toEqual(
      [
        [first.team.id, "viewer"],
        [second.team.id, "admin"],
      ].sort(),
    );
    const { jar, error } = await signIn(email, STRONG);
    expect(error).toBeNull();
    for (const team of [first.team, second.team]) expect((await api("/api/v1/members", as({ email, jar }, team))).status).toBe(200);
  });

  it("the same race with two passwords: one account with the first password, the other asked to sign in (409)", async () => {
    const [first, second] = await Promise.all([teamWithOwner(), teamWithOwner()]);
    const email = freshEmail("race");
    const invitations = await Promise.all([invite(first.owner, first.team, email), invite(second.owner, second.team, email)]);
    const passwords = [STRONG, `${STRONG}-other`];
    const answers = await Promise.all(
      invitations.map((invitation, i) => accept({ token: invitation.token, name: "Race", password: passwords[i] })),
    );
    expect(answers.map((answer) => [answer.status, answer.body.error]).sort()).toEqual([
      [200, null],
      [409, "sign_in_required"],
    ]);
    const winner = answers.findIndex((answer) => answer.status === 200);
    expect((await signIn(email, passwords[winner]!)).error).toBeNull();
    expect(await (await testDb()).membership.count({ where: { user: { email } } })).toBe(1);
  });

  it("an existing account signs in to accept; another signed-in account is refused", async () => {
    const { team, owner } = await teamWithOwner();
    const elsewhere = await signedInMember(await createTestTeam(), "viewer");
    const stranger = await signedInMember(await createTestTeam(), "viewer");
    const invitation = await invite(owner, team, elsewhere.email, "viewer");
    expect((await accept({ token: invitation.token })).body.error).toBe("sign_in_required");
    expect((await accept({ token: invitation.token }, stranger)).body.error).toBe("wrong_account");
    const joined = await accept({ token: invitation.token }, elsewhere);
    expect(joined.status).toBe(200);
    expect((await api("/api/v1/dnc", { headers: { cookie: elsewhere.jar.header(), "x-dnc-team": team.slug } })).status).toBe(200);
  });

  it("roles: admins manage viewers and admins but not owners; nobody demotes or removes the last owner", async () => {
    const { team, owner } = await teamWithOwner();
    const admin = await signedInMember(team, "admin");
    const viewer = await signedInMember(team, "viewer");
    const [ownerId, adminId, viewerId] = await Promise.all([owner, admin, viewer].map((member) => userIdOf(member.email)));

    expect((await api(`/api/v1/members/${ownerId}`, as(admin, team, { method: "PATCH", body: { role: "viewer" } }))).status).toBe(403);
    expect((await api(`/api/v1/members/${viewerId}`, as(admin, team, { method: "PATCH", body: { role: "owner" } }))).status).toBe(403);
    expect((await api(`/api/v1/members/${ownerId}`, as(admin, team, { method: "DELETE" }))).status).toBe(403);
    expect(
      (await api("/api/v1/invitations", as(admin, team, { method: "POST", body: { email: freshEmail("o"), role: "owner" } }))).status,
    ).toBe(403);
    const promoted = await api(`/api/v1/members/${viewerId}`, as(admin, team, { method: "PATCH", body: { role: "admin" } }));
    expect(promoted.body.data).toMatchObject({ userId: viewerId, role: "admin" });

    const demoteSelf = await api(`/api/v1/members/${ownerId}`, as(owner, team, { method: "PATCH", body: { role: "admin" } }));
    expect(demoteSelf).toMatchObject({
      status: 409,
      body: { error: "last_owner", message: expect.stringContaining("at least one owner") },
    });
    expect((await api(`/api/v1/members/${ownerId}`, as(owner, team, { method: "DELETE" }))).body.error).toBe("last_owner");

    expect((await api(`/api/v1/members/${adminId}`, as(owner, team, { method: "DELETE" }))).status).toBe(200);
    // Removed from their only team, the admin's session ended with it: its next request is refused.
    expect((await api("/api/v1/dnc", { headers: { cookie: admin.jar.header(), "x-dnc-team": team.slug } })).status).toBe(401);
    const audit = await api("/api/v1/audit?limit=20", as(owner, team));
    expect(audit.body.data.events.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining(["member.role_changed", "member.removed"]),
    );
  });

  it("two owners demoting each other at once: exactly one succeeds and the team keeps an owner", async () => {
    const { team, owner } = await teamWithOwner();
    const second = await signedInMember(team, "owner");
    const [firstId, secondId] = await Promise.all([userIdOf(owner.email), userIdOf(second.email)]);
    const results = await Promise.all([
      api(`/api/v1/members/${secondId}`, as(owner, team, { method: "PATCH", body: { role: "viewer" } })),
      api(`/api/v1/members/${firstId}`, as(second, team, { method: "PATCH", body: { role: "viewer" } })),
    ]);
    const statuses = results.map((r) => r.status).sort();
    expect(statuses[0]).toBe(200);
    expect(statuses[1]).toBeGreaterThanOrEqual(403);
    const owners = await (await testDb()).membership.count({ where: { teamId: team.id, role: "owner" } });
    expect(owners).toBe(1);
  });

  it("viewers read the member list and are refused every change; API keys are refused everything", async () => {
    const { team, owner } = await teamWithOwner();
    const viewer = await signedInMember(team, "viewer");
    const ownerId = await userIdOf(owner.email);
    expect((await api("/api/v1/members", as(viewer, team))).status).toBe(200);
    const refused = [
      await api("/api/v1/invitations", as(viewer, team)),
      await api("/api/v1/invitations", as(viewer, team, { method: "POST", body: { email: freshEmail("v"), role: "viewer" } })),
      await api(`/api/v1/members/${ownerId}`, as(viewer, team, { method: "PATCH", body: { role: "viewer" } })),
      await api(`/api/v1/members/${ownerId}`, as(viewer, team, { method: "DELETE" })),
      await api("/api/v1/invitations/inv_AAAAAAAAAAAAAAAA", as(viewer, team, { method: "DELETE" })),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403]);
    for (const [method, path] of [
      ["GET", "/api/v1/members"],
      ["GET", "/api/v1/invitations"],
      ["POST", "/api/v1/invitations"],
      ["PATCH", `/api/v1/members/${ownerId}`],
      ["DELETE", `/api/v1/members/${ownerId}`],
    ]) {
      const response = await api(path!, {
        method,
        key: team.writeKey,
        body: method === "GET" ? undefined : { role: "viewer", email: freshEmail("k") },
      });
      expect(response.status, `${method} ${path}`).toBe(403);
    }
  });

  it("team isolation: nobody in team A lists or changes team B's members or invitations", async () => {
    const a = await teamWithOwner();
    const b = await teamWithOwner();
    const bOwnerId = await userIdOf(b.owner.email);
    const bInvitation = await invite(b.owner, b.team, freshEmail("b"));
    expect((await api("/api/v1/members", as(a.owner, b.team))).status).toBe(403);
    expect((await api(`/api/v1/members/${bOwnerId}`, as(a.owner, a.team, { method: "PATCH", body: { role: "viewer" } }))).body.error).toBe(
      "member_not_found",
    );
    expect((await api(`/api/v1/members/${bOwnerId}`, as(a.owner, a.team, { method: "DELETE" }))).body.error).toBe("member_not_found");
    expect((await api(`/api/v1/invitations/${bInvitation.invitation.id}`, as(a.owner, a.team, { method: "DELETE" }))).body.error).toBe(
      "invitation_not_found",
    );
    expect((await api("/api/v1/invitations", as(a.owner, a.team))).body.data.invitations).toEqual([]);
    expect(await (await testDb()).membership.count({ where: { teamId: b.team.id } })).toBe(1);
  });
});

/** `npm run user -- <args>` as an operator runs it, the password on stdin. */
function userCli(args: string[], password = "") {
  return spawnSync("npx", ["tsx", "--conditions=react-server", "scripts/user.ts", ...args], {
    cwd: path.resolve(__dirname, "../.."),
    env: { ...process.env, DATABASE_URL: inject("databaseUrl"), REDIS_URL: inject("redisUrl") },
    input: `${password}\n`,
    encoding: "utf8",
  });
}

describe("npm run user keeps working", () => {
  it("creates a member (strong password from stdin) and removes one under the same rules as the Members page", async () => {
    const { team, owner } = await teamWithOwner();
    const email = freshEmail("cli");
    expect(userCli(["create", "--email", email, "--team", team.slug, "--role", "viewer"], "password1234").stderr).toMatch(/common/);
    expect(userCli(["create", "--email", email, "--team", team.slug, "--role", "viewer"], `Test ${team.slug} lantern`).stderr).toMatch(
      /must not contain the team's name/,
    );
    const created = userCli(["create", "--email", email, "--team", team.slug, "--role", "viewer"], STRONG);
    expect(created.status, created.stderr).toBe(0);
    const session = await signIn(email, STRONG);
    expect(session.error).toBeNull();

    const removed = userCli(["remove", "--email", email, "--team", team.slug]);
    expect(removed.status, removed.stderr).toBe(0);
    expect((await api("/api/v1/dnc", { headers: { cookie: session.jar.header(), "x-dnc-team": team.slug } })).status).toBe(401);
    const lastOwner = userCli(["remove", "--email", owner.email, "--team", team.slug]);
    expect(lastOwner.status).toBe(1);
    expect(lastOwner.stderr).toContain("at least one owner");
    const audit = await api("/api/v1/audit?action=member.removed", as(owner, team));
    expect(audit.body.data.events).toMatchObject([{ actor: "cli", reason: `${email} (viewer)` }]);
  });
});

describe("one's own account", () => {
  it("changing the password needs the current one, ends every other session, and the old password stops working", async () => {
    const team = await createTestTeam();
    const member = await signedInMember(team, "viewer");
    const other = await signIn(member.email, TEST_PASSWORD);
    const post = (body: unknown) =>
      api("/api/account/password", { method: "POST", body, headers: { cookie: member.jar.header(), origin: origin() } });
    expect((await post({ currentPassword: "wrong-current-pw", newPassword: STRONG })).body.error).toBe("wrong_password");
    expect((await post({ currentPassword: TEST_PASSWORD, newPassword: "qwertyuiopasdfgh" })).body.error).toBe("weak_password");
    expect((await post({ currentPassword: TEST_PASSWORD, newPassword: `${member.email.split("@")[0]}-lantern` })).body.message).toMatch(
      /must not contain your e-mail address's name/,
    );
    expect((await post({ currentPassword: TEST_PASSWORD, newPassword: STRONG })).status).toBe(200);
    const read = (cookie: string) => api("/api/v1/dnc", { headers: { cookie, "x-dnc-team": team.slug } });
    expect((await read(member.jar.header())).status).toBe(200);
    expect((await read(other.jar.header())).status).toBe(401);
    expect((await signIn(member.email, TEST_PASSWORD)).error).toBe("CredentialsSignin");
    expect((await signIn(member.email, STRONG)).error).toBeNull();
  });

  it("sign out everywhere ends every session, this one too; a cross-site request changes nothing", async () => {
    const team = await createTestTeam();
    const member = await signedInMember(team, "viewer");
    const other = await signIn(member.email, TEST_PASSWORD);
    const crossSite = await api("/api/account/sign-out-everywhere", {
      method: "POST",
      body: {},
      headers: { cookie: member.jar.header(), origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    expect(
      (
        await api("/api/account/sign-out-everywhere", {
          method: "POST",
          body: {},
          headers: { cookie: member.jar.header(), origin: origin() },
        })
      ).status,
    ).toBe(200);
    for (const jar of [member.jar, other.jar])
      expect((await api("/api/v1/dnc", { headers: { cookie: jar.header(), "x-dnc-team": team.slug } })).status).toBe(401);
  });
});
