import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, inject, it } from "vitest";
import type { Permission, Role } from "@/lib/auth/permissions";
import { api, type ApiResponse } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";
import { type CookieJar, signIn, TEST_PASSWORD } from "../support/session";

// After the fixtures, which point the domain modules at the server's database.
const { API_ROUTES } = await import("@/lib/routes");
type Route = (typeof API_ROUTES)[number];

/**
 * Every route, walked with callers it refuses: each gets 403 and the team's budget for that route is
 * exactly as it was. A route added to lib/routes without an entry in REFUSALS fails the walk.
 */

type Person = { id: string; email: string; jar: CookieJar };
type Cast = { team: TestTeam; owner: Person; admin: Person; viewer: Person; outsider: Person; otherTeamsEntryId: string };
type Caller = "readKey" | "writeKey" | "owner" | "admin" | "viewer" | "outsider";
type Refusal = {
  caller: Caller;
  /** Why this caller is refused, for the test's name. */
  because: string;
  /** The path id, when the refusal depends on whom or what the request aims at. */
  id?: (cast: Cast) => string;
  body?: unknown;
  error?: string;
};
type RouteCases = { body?: unknown; refused: Refusal[] };

const readKeyOnWrite: Refusal = { caller: "readKey", because: "a read key cannot write" };
const viewerOnWrite: Refusal = { caller: "viewer", because: "a viewer cannot write" };
const keyOnSessionRoute: Refusal = { caller: "writeKey", because: "API keys do not administer the team" };
const viewerOnManage: Refusal = { caller: "viewer", because: "viewers do not administer the team" };
const outsider: Refusal = { caller: "outsider", because: "a signed-in person of another team names this one" };
const othersEntry: Refusal = {
  caller: "writeKey",
  because: "the entry is another team's",
  id: (cast) => cast.otherTeamsEntryId,
  error: "unauthorized_dnc",
};

const writeRoute = (body?: unknown): RouteCases => ({ body, refused: [readKeyOnWrite, viewerOnWrite, outsider] });
const manageRoute = (body?: unknown, ...more: Refusal[]): RouteCases => ({
  body,
  refused: [keyOnSessionRoute, viewerOnManage, outsider, ...more],
});
const readRoute = (body?: unknown): RouteCases => ({ body, refused: [outsider] });

const REFUSALS: Record<string, RouteCases> = {
  "GET /dnc": readRoute(),
  "POST /dnc": writeRoute({ url: "in/refused-add" }),
  "GET /dnc/check": readRoute(),
  "POST /dnc/check/batch": readRoute({ urls: ["in/refused-check"] }),
  "POST /dnc/batch": writeRoute({ entries: [{ url: "in/refused-batch" }] }),
  "DELETE /dnc/{id}": {
    refused: [
      readKeyOnWrite,
      viewerOnWrite,
      outsider,
      {
        caller: "writeKey",
        because: "the entry is another team's",
        id: (cast) => cast.otherTeamsEntryId,
        error: "unauthorized_dnc",
      },
    ],
  },
  "POST /dnc/{id}/restore": writeRoute(),
  "POST /dnc/{id}/aliases": {
    body: { url: "in/refused-alias" },
    refused: [readKeyOnWrite, viewerOnWrite, outsider, othersEntry],
  },
  "DELETE /dnc/{id}/aliases/{url}": { refused: [readKeyOnWrite, viewerOnWrite, outsider, othersEntry] },
  "GET /dnc/removed": readRoute(),
  "GET /dnc/facets": readRoute(),
  "GET /dnc/changes": readRoute(),
  "GET /verify": readRoute(),
  "GET /api-keys": manageRoute(),
  "POST /api-keys": manageRoute({ name: "refused", scope: "write" }),
  "DELETE /api-keys/{id}": manageRoute(),
  "GET /audit": readRoute(),
  "GET /audit/verify": readRoute(),
  "GET /members": { refused: [keyOnSessionRoute, outsider] },
  "PATCH /members/{id}": manageRoute(
    { role: "viewer" },
    { caller: "admin", because: "admins never touch an owner", id: (cast) => cast.owner.id },
    { caller: "admin", because: "admins never make an owner", id: (cast) => cast.viewer.id, body: { role: "owner" } },
  ),
  "DELETE /members/{id}": {
    refused: [
      keyOnSessionRoute,
      outsider,
      { caller: "viewer", because: "a viewer may only remove themselves", id: (cast) => cast.admin.id },
      { caller: "viewer", because: "a viewer may only remove themselves (an owner)", id: (cast) => cast.owner.id },
      { caller: "viewer", because: "a viewer may only remove themselves (nobody)", id: () => "user_NoSuchUser" },
      { caller: "admin", because: "admins never touch an owner", id: (cast) => cast.owner.id },
    ],
  },
  "GET /team": readRoute(),
  "PATCH /team": manageRoute({ optOutWindowDays: 5 }),
  "GET /invitations": manageRoute(),
  "POST /invitations": manageRoute(
    { email: "refused@example.test", role: "viewer" },
    { caller: "admin", because: "admins never invite an owner", body: { email: "refused@example.test", role: "owner" } },
  ),
  "DELETE /invitations/{id}": manageRoute(),
  "GET /webhooks": writeRoute(),
  "POST /webhooks": writeRoute({ url: "https://hooks.example.test/dnc", events: ["dnc.added"] }),
  "PATCH /webhooks/{id}": writeRoute({ enabled: false }),
  "DELETE /webhooks/{id}": writeRoute(),
  "GET /webhooks/{id}/deliveries": writeRoute(),
  "POST /webhooks/{id}/deliveries/{deliveryId}/resend": writeRoute(),
  "GET /clients": readRoute(),
  "POST /clients": writeRoute({ name: "refused" }),
  "PATCH /clients/{id}": writeRoute({ name: "refused" }),
  "DELETE /clients/{id}": writeRoute(),
};

/** The callers each permission refuses: every route's cases must include them. */
const REFUSED_BY_PERMISSION: Record<Permission, Caller[]> = {
  "entries.read": ["outsider"],
  "audit.read": ["outsider"],
  "entries.write": ["readKey", "viewer", "outsider"],
  "entries.restore": ["readKey", "viewer", "outsider"],
  "webhooks.manage": ["readKey", "viewer", "outsider"],
  "keys.manage": ["writeKey", "viewer", "outsider"],
  "members.manage": ["writeKey", "viewer", "outsider"],
  "members.read": ["writeKey", "outsider"],
  "team.manage": ["writeKey", "viewer", "outsider"],
  "clients.manage": ["readKey", "viewer", "outsider"],
  "entries.protected": ["admin", "writeKey", "viewer", "outsider"],
};

const routeKey = (route: Route) => `${route.method} ${route.path}`;
const routes = [...new Map(API_ROUTES.map((route) => [routeKey(route), route])).values()];

/** An allowed request in each bucket, whose RateLimit-Remaining says what the team has left. */
const PROBES: Record<Route["bucket"], (team: TestTeam) => Promise<ApiResponse>> = {
  read: (team) => api("/api/v1/dnc?limit=1", { key: team.readKey }),
  write: (team) => api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("probe") } }),
  batch: (team) =>
    api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url: uniqueProfileUrl("probe") }] } }),
};

let people: Record<"owner" | "admin" | "viewer" | "outsider", Person>;
let otherTeamsEntryId: string;

beforeAll(async () => {
  const { createUser } = await import("@/lib/users/create-user");
  const home = await createTestTeam();
  const person = async (label: string): Promise<Person> => {
    const email = `${label}-${randomUUID().slice(0, 8)}@example.test`;
    const { user } = await createUser({ email, password: TEST_PASSWORD, teamId: home.id, role: "viewer" });
    const { jar, error } = await signIn(email, TEST_PASSWORD);
    if (error) throw new Error(`sign-in failed: ${error}`);
    return { id: user.id, email, jar };
  };
  const [owner, admin, viewer, stranger] = await Promise.all(["owner", "admin", "viewer", "outsider"].map(person));
  people = { owner: owner!, admin: admin!, viewer: viewer!, outsider: stranger! };
  const entry = await api("/api/v1/dnc", { method: "POST", key: home.writeKey, body: { url: uniqueProfileUrl("other-team") } });
  otherTeamsEntryId = entry.body.data.$id;
});

/** A fresh team (a full budget) in which the same people hold the roles their names say; the outsider holds none. */
async function castFor(): Promise<Cast> {
  const { createUser } = await import("@/lib/users/create-user");
  const team = await createTestTeam();
  for (const role of ["owner", "admin", "viewer"] as const satisfies Role[])
    await createUser({ email: people[role].email, password: TEST_PASSWORD, teamId: team.id, role });
  return { team, ...people, otherTeamsEntryId };
}

function send(route: Route, routeCases: RouteCases, refusal: Refusal, cast: Cast): Promise<ApiResponse> {
  const id = refusal.id?.(cast) ?? (route.id ? route.id.example : "");
  const path = route.path.replace("{id}", id).replace(`{${route.childId?.name}}`, route.childId?.example ?? "");
  const body = refusal.body ?? routeCases.body ?? (route.method === "GET" ? undefined : {});
  const url = `/api/v1${path}`;
  if (refusal.caller === "readKey" || refusal.caller === "writeKey")
    return api(url, { method: route.method, key: cast.team[refusal.caller], body });
  const member = cast[refusal.caller];
  return api(url, {
    method: route.method,
    body,
    headers: { cookie: member.jar.header(), "x-dnc-team": cast.team.slug, origin: inject("baseUrl") },
  });
}

describe("a refused request never spends the team's budget", () => {
  it("the walk covers every route definition, each with the callers its permission refuses", () => {
    expect(Object.keys(REFUSALS).sort()).toEqual(routes.map(routeKey).sort());
    for (const route of routes) {
      const callers = new Set(REFUSALS[routeKey(route)]!.refused.map((refusal) => refusal.caller));
      for (const caller of REFUSED_BY_PERMISSION[route.permission])
        expect(callers.has(caller), `${routeKey(route)} refuses ${caller}`).toBe(true);
    }
  });

  it.each(routes.map((route) => [routeKey(route), route] as const))(
    "%s: 403 for each refused caller, budget untouched",
    async (key, route) => {
      const routeCases = REFUSALS[key];
      if (!routeCases) throw new Error(`${key} has no refused caller in REFUSALS: add the callers its rules refuse`);
      const cast = await castFor();

      const startedAt = Date.now();
      const before = await PROBES[route.bucket](cast.team);
      expect(before.status).toBeLessThan(300);
      for (const refusal of routeCases.refused) {
        const response = await send(route, routeCases, refusal, cast);
        expect({ because: refusal.because, status: response.status, error: response.body?.error }).toEqual({
          because: refusal.because,
          status: 403,
          error: refusal.error ?? "forbidden",
        });
        expect(response.body.message).toEqual(expect.any(String));
      }
      const after = await PROBES[route.bucket](cast.team);
      const elapsed = Date.now() - startedAt;

      // One allowed request between the two readings, and nothing else, in a fresh team's window.
      const limit = Number(before.headers.get("ratelimit-limit"));
      expect(elapsed, "the walk of one route must fit in one rate window").toBeLessThan(inject("rateWindowMs"));
      expect([before.headers.get("ratelimit-remaining"), after.headers.get("ratelimit-remaining")]).toEqual([
        String(limit - 1),
        String(limit - 2),
      ]);
    },
  );
});
