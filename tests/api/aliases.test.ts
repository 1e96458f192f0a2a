import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { api, type ApiResponse } from "../support/api";
import { createTestTeam, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";
import { signedInMember } from "../support/session";
import { startWebhookReceiver, waitFor, type WebhookReceiver } from "../support/webhook-receiver";

/** Issue 17, item 2: one person, several identifiers. Runs on both engines (the api and api-postgres-redis projects). */

type Entry = { $id: string; url: string; aliases?: string[] };

const canonical = (url: string) => url.replace("https://www.linkedin.com", "https://linkedin.com");
const memberId = () => `ACoAA${randomBytes(18).toString("base64url")}`;

function client(team: TestTeam) {
  const write = (path: string, method: string, body?: unknown) => api(`/api/v1${path}`, { method, key: team.writeKey, body });
  return {
    write,
    add: async (url = uniqueProfileUrl("alias")): Promise<Entry> => {
      const response = await write("/dnc", "POST", { url });
      expect(response.status, JSON.stringify(response.body)).toBe(201);
      return response.body.data;
    },
    addAlias: (id: string, url: unknown) => write(`/dnc/${id}/aliases`, "POST", url === undefined ? {} : { url }),
    removeAlias: (id: string, url: string) => write(`/dnc/${id}/aliases/${encodeURIComponent(url)}`, "DELETE"),
    check: (url: string) => api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey }),
    list: (query = "") => api(`/api/v1/dnc?limit=100${query}`, { key: team.readKey }),
  };
}

function expectError(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, error: response.body?.error }, JSON.stringify(response.body)).toEqual({ status, error: code });
  expect(response.body.message).toEqual(expect.any(String));
}

describe("adding and removing aliases", () => {
  it("an alias is added, shown with the entry, found by a check (matchedBy alias), and removed", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    const id = memberId();

    const added = await dnc.addAlias(entry.$id, `urn:li:fsd_profile:${id}`);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ error: null, message: "Alias added" });
    expect(added.body.data).toMatchObject({ $id: entry.$id, url: entry.url, aliases: [`https://linkedin.com/in/${id}`] });

    const byAlias = await dnc.check(`https://www.linkedin.com/in/${id}/?trk=x`);
    expect(byAlias.body.data).toEqual({ onList: true, entry: added.body.data, matchedBy: "alias" });
    const byUrl = await dnc.check(entry.url);
    expect(byUrl.body.data).toEqual({ onList: true, entry: added.body.data, matchedBy: "url" });

    // Any accepted spelling in the path, percent-encoded once (or twice, by a client that encodes again).
    const removed = await dnc.write(
      `/dnc/${entry.$id}/aliases/${encodeURIComponent(encodeURIComponent(`linkedin.com/in/${id}`))}`,
      "DELETE",
    );
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body).toMatchObject({ error: null, message: "Alias removed" });
    // Without aliases the entry is as it was added (alias changes leave its $updatedAt alone).
    expect(removed.body.data).toEqual(entry);
    expect((await dnc.check(`https://linkedin.com/in/${id}`)).body.data).toEqual({ onList: false });
    // The entry without aliases answers as it always did: no matchedBy, no aliases.
    expect((await dnc.check(entry.url)).body.data).toEqual({ onList: true, entry });

    expectError(await dnc.removeAlias(entry.$id, `https://linkedin.com/in/${id}`), 404, "alias_not_found");

    // Kakiyo's path shape serves the same routes, the encoded alias included.
    const vanity = canonical(uniqueProfileUrl("v1"));
    expect((await api(`/v1/dnc/${entry.$id}/aliases`, { method: "POST", key: team.writeKey, body: { url: vanity } })).status).toBe(201);
    const viaV1 = await api(`/v1/dnc/${entry.$id}/aliases/${encodeURIComponent(vanity)}`, { method: "DELETE", key: team.writeKey });
    expect(viaV1.status, JSON.stringify(viaV1.body)).toBe(200);

    // The entry's history (by its URL) holds its alias events, whose URL is the alias.
    const history = await api(`/api/v1/audit?url=${encodeURIComponent(entry.url)}&order=asc`, { key: team.readKey });
    expect(history.body.data.events.map((event: { action: string }) => event.action)).toEqual([
      "dnc.added",
      "dnc.alias_added",
      "dnc.alias_removed",
      "dnc.alias_added",
      "dnc.alias_removed",
    ]);
  });

  it("an identifier is unique per team across URLs and aliases: 409 dnc_exists naming the entry that holds it", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const first = await dnc.add();
    const second = await dnc.add();
    const alias = canonical(uniqueProfileUrl("shared"));
    expect((await dnc.addAlias(first.$id, alias)).status).toBe(201);

    // An alias that is another entry's alias.
    const asAlias = await dnc.addAlias(second.$id, alias.toUpperCase().replace("HTTPS://LINKEDIN.COM/IN/", "in/"));
    expectError(asAlias, 409, "dnc_exists");
    expect(asAlias.body.heldBy).toEqual({ $id: first.$id, url: first.url });
    // An alias that is another entry's URL.
    const asOthersUrl = await dnc.addAlias(second.$id, first.url);
    expectError(asOthersUrl, 409, "dnc_exists");
    expect(asOthersUrl.body.heldBy).toEqual({ $id: first.$id, url: first.url });
    // An alias that is the entry's own URL.
    const asOwnUrl = await dnc.addAlias(second.$id, second.url);
    expectError(asOwnUrl, 409, "dnc_exists");
    expect(asOwnUrl.body.heldBy).toEqual({ $id: second.$id, url: second.url });
    // An entry whose URL is an alias already.
    const asEntry = await dnc.write("/dnc", "POST", { url: alias });
    expectError(asEntry, 409, "dnc_exists");
    expect(asEntry.body.heldBy).toEqual({ $id: first.$id, url: first.url });
    // And a batch row: a duplicate of the entry that holds it.
    const batch = await dnc.write("/dnc/batch", "POST", { entries: [{ url: alias }] });
    expect(batch.body.data).toMatchObject({ added: 0, duplicates: 1, details: [{ status: "duplicate", $id: first.$id }] });

    const list = (await dnc.list()).body.data;
    expect(list.total).toBe(2);
    // Nothing refused was recorded.
    const audit = (await api("/api/v1/audit?action=dnc.alias_added", { key: team.readKey })).body.data;
    expect(audit.total).toBe(1);
  });

  it("another team is independent: the same identifier is free there, and it cannot see or change our aliases", async () => {
    const [team, other] = [await createTestTeam(), await createTestTeam()];
    const ours = client(team);
    const theirs = client(other);
    const entry = await ours.add();
    const alias = canonical(uniqueProfileUrl("isolated"));
    expect((await ours.addAlias(entry.$id, alias)).status).toBe(201);

    expect((await theirs.check(alias)).body.data).toEqual({ onList: false });
    expect((await theirs.list(`&q=${encodeURIComponent(alias.slice(-12))}`)).body.data.total).toBe(0);
    expectError(await theirs.addAlias(entry.$id, canonical(uniqueProfileUrl("intruder"))), 403, "unauthorized_dnc");
    expectError(await theirs.removeAlias(entry.$id, alias), 403, "unauthorized_dnc");
    // The same identifier is theirs to use.
    const theirEntry = await theirs.add();
    expect((await theirs.addAlias(theirEntry.$id, alias)).status).toBe(201);
    expect((await theirs.write("/dnc", "POST", { url: alias })).body.heldBy).toEqual({ $id: theirEntry.$id, url: theirEntry.url });
    expect((await ours.check(alias)).body.data.entry.$id).toBe(entry.$id);
  });

  it("bad input is a clear 4xx in the envelope, never a 500", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    expectError(await dnc.addAlias(entry.$id, "https://example.com/in/someone"), 400, "invalid_url");
    expectError(await dnc.addAlias(entry.$id, 42), 400, "invalid_url");
    expectError(await dnc.addAlias(entry.$id, undefined), 400, "missing_url");
    expectError(await dnc.write(`/dnc/${entry.$id}/aliases`, "POST", "not json"), 400, "invalid_json");
    expectError(await dnc.write(`/dnc/${entry.$id}/aliases`, "POST", []), 400, "invalid_body");
    expectError(await dnc.addAlias("dnc_NoSuchEntry000000", "in/someone-else"), 404, "dnc_not_found");
    expectError(await dnc.addAlias("not-an-id", "in/someone-else"), 404, "dnc_not_found");
    expectError(await dnc.removeAlias(entry.$id, "https://example.com/in/x"), 400, "invalid_url");
    expectError(await dnc.removeAlias("dnc_NoSuchEntry000000", "in/someone-else"), 404, "dnc_not_found");
    expectError(await dnc.removeAlias(entry.$id, "in/never-added"), 404, "alias_not_found");
    // An unencoded URL in the path is another path: the envelope's 404, not a server error.
    expect((await dnc.write(`/dnc/${entry.$id}/aliases/https://linkedin.com/in/x`, "DELETE")).status).toBe(404);
    const methods = await dnc.write(`/dnc/${entry.$id}/aliases`, "GET");
    expect(methods.status).toBe(405);
  });

  it("read keys and viewers are refused (403 forbidden) before the budget; owners may add through the dashboard's session", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    const alias = canonical(uniqueProfileUrl("refused"));
    const viaReadKey = await api(`/api/v1/dnc/${entry.$id}/aliases`, { method: "POST", key: team.readKey, body: { url: alias } });
    expectError(viaReadKey, 403, "forbidden");
    expect(viaReadKey.headers.get("ratelimit-remaining")).toBeNull();
    const viewer = await signedInMember(team, "viewer");
    const session = (member: { jar: { header(): string } }) => ({
      cookie: member.jar.header(),
      "x-dnc-team": team.slug,
      origin: inject("baseUrl"),
    });
    const viaViewer = await api(`/api/v1/dnc/${entry.$id}/aliases`, { method: "POST", body: { url: alias }, headers: session(viewer) });
    expectError(viaViewer, 403, "forbidden");
    const owner = await signedInMember(team, "owner");
    const viaOwner = await api(`/api/v1/dnc/${entry.$id}/aliases`, { method: "POST", body: { url: alias }, headers: session(owner) });
    expect(viaOwner.status, JSON.stringify(viaOwner.body)).toBe(201);
    const removedByViewer = await api(`/api/v1/dnc/${entry.$id}/aliases/${encodeURIComponent(alias)}`, {
      method: "DELETE",
      // Session writes send JSON (part of the CSRF defence), even without a body to speak of.
      body: {},
      headers: session(viewer),
    });
    expectError(removedByViewer, 403, "forbidden");
    expect((await dnc.check(alias)).body.data.onList).toBe(true);
  });
});

describe("limits", () => {
  it("a company or domain entry has no aliases, in POST /aliases or a batch add (409 alias_not_allowed)", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const slug = `acme-${randomBytes(4).toString("hex")}`;
    const company = await dnc.write("/dnc", "POST", { kind: "company", url: `https://www.linkedin.com/company/${slug}/` });
    expect(company.status, JSON.stringify(company.body)).toBe(201);
    expectError(await dnc.addAlias(company.body.data.$id, uniqueProfileUrl("person")), 409, "alias_not_allowed");

    const alias = uniqueProfileUrl("not-attached");
    const batch = await dnc.write("/dnc/batch", "POST", { entries: [{ kind: "domain", domain: `${slug}.example`, aliases: [alias] }] });
    expect(batch.status, JSON.stringify(batch.body)).toBe(201);
    expect(batch.body.data.details[0]).toMatchObject({ status: "added", aliasesNotAdded: [{ alias, error: "alias_not_allowed" }] });
    expect((await dnc.check(alias)).body.data).toEqual({ onList: false });
  });

  it("an entry has at most 20 aliases: the 21st is 409 too_many_aliases, with nothing written", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    const stamp = Date.now();
    const aliases = Array.from({ length: 20 }, (_, index) => `urn:li:member:${stamp}${index + 10}`);
    for (const alias of aliases) expect((await dnc.addAlias(entry.$id, alias)).status).toBe(201);
    const before = (await api("/api/v1/audit", { key: team.readKey })).body.data.total;
    const extra = `urn:li:member:${stamp}99`;
    expectError(await dnc.addAlias(entry.$id, extra), 409, "too_many_aliases");
    expect((await api("/api/v1/audit", { key: team.readKey })).body.data.total).toBe(before);
    expect((await dnc.check(extra)).body.data).toEqual({ onList: false });
    // Room again once one is taken off.
    expect((await dnc.removeAlias(entry.$id, aliases[0]!)).status).toBe(200);
    expect((await dnc.addAlias(entry.$id, extra)).status).toBe(201);
  });
});

describe("uniqueness under concurrency", () => {
  it("an alias add and a batch add racing for the same identifiers: each ends up held exactly once", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    const contested = Array.from({ length: 8 }, () => canonical(uniqueProfileUrl("race")));
    const answers = await Promise.all(
      contested.flatMap((url) => [dnc.addAlias(entry.$id, url), dnc.write("/dnc/batch", "POST", { entries: [{ url }] })]),
    );
    for (const answer of answers) expect([200, 201, 409], JSON.stringify(answer.body)).toContain(answer.status);
    const db = await testDb();
    for (const url of contested) {
      const held =
        (await db.dncEntry.count({ where: { teamId: team.id, url } })) + (await db.entryAlias.count({ where: { teamId: team.id, url } }));
      expect(held, url).toBe(1);
    }
  });

  it("the batch add's commit-time check turns a URL/alias collision into a unique violation naming url (which it retries)", async () => {
    const { failOnIdentifierCollisions } = await import("@/lib/db/statements");
    const team = await createTestTeam();
    const dnc = client(team);
    const [first, second] = [await dnc.add(), await dnc.add()];
    const db = await testDb();
    // Nothing collides: the checks change nothing.
    expect(await db.$transaction(failOnIdentifierCollisions(db, team.id, [first.$id, second.$id]))).toEqual([0, 0]);
    // Written behind the app's back: second's alias is first's URL.
    await db.entryAlias.create({
      data: { teamId: team.id, url: first.url, entryId: second.$id, createdAt: new Date(), createdBy: "test" },
    });
    for (const ids of [[first.$id], [second.$id]]) {
      const failure = await db.$transaction(failOnIdentifierCollisions(db, team.id, ids)).then(
        () => null,
        (error: unknown) => error as Error & { meta?: unknown },
      );
      expect(failure, String(ids)).not.toBeNull();
      const text = `${failure!.message} ${JSON.stringify(failure!.meta ?? "")}`;
      expect(text).toMatch(/unique/i);
      expect(text).toMatch(/url/i);
    }
    await db.entryAlias.deleteMany({ where: { teamId: team.id } });
  });
});

describe("aliases wherever entries are read", () => {
  it("batch check by alias answers matchedBy; list search finds an entry by its alias, with its aliases", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const withAlias = await dnc.add();
    const plain = await dnc.add();
    const salesId = `ACwAA${randomBytes(12).toString("base64url")}`;
    const added = await dnc.addAlias(withAlias.$id, `https://www.linkedin.com/sales/lead/${salesId},NAME_SEARCH,abc`);
    const alias = `https://linkedin.com/sales/lead/${salesId}`;
    expect(added.body.data.aliases).toEqual([alias]);

    const batch = await api("/api/v1/dnc/check/batch", {
      method: "POST",
      key: team.readKey,
      body: { urls: [`https://www.linkedin.com/sales/people/${salesId},OUT_OF_NETWORK`, withAlias.url, plain.url, uniqueProfileUrl()] },
    });
    expect(batch.status).toBe(200);
    const [a, b, c, d] = batch.body.data.results;
    expect(a).toMatchObject({ onList: true, matchedBy: "alias", entry: { $id: withAlias.$id, aliases: [alias] } });
    expect(b).toMatchObject({ onList: true, matchedBy: "url", entry: { $id: withAlias.$id } });
    expect(c).toEqual({ url: plain.url, normalizedUrl: plain.url, onList: true, entry: plain });
    expect(d).toMatchObject({ onList: false });
    expect(d.matchedBy).toBeUndefined();
    expect(batch.body.data.onList).toBe(3);

    // The list's search looks at aliases too (a vanity alias: stored in lower case, searched case-insensitively).
    const vanity = canonical(uniqueProfileUrl("searchable"));
    const withBoth = (await dnc.addAlias(withAlias.$id, vanity)).body.data;
    expect(withBoth.aliases).toEqual([vanity, alias].sort());
    const search = await dnc.list(`&q=${encodeURIComponent(vanity.slice(-16).toUpperCase())}`);
    expect(search.body.data.total).toBe(1);
    expect(search.body.data.entries).toEqual([withBoth]);
    const page = (await dnc.list()).body.data.entries as Entry[];
    expect(page.find((e) => e.$id === withAlias.$id)).toEqual(withBoth);
    expect(page.find((e) => e.$id === plain.$id)).toEqual(plain);
  });

  it("batch add takes aliases with each entry: one write, audited; an alias that cannot be attached leaves the entry added", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const existing = await dnc.add();
    const [u1, u2, a1, a2] = [1, 2, 3, 4].map(() => canonical(uniqueProfileUrl("batch")));
    const response = await dnc.write("/dnc/batch", "POST", {
      entries: [
        { url: u1!, aliases: [a1!, a1!.toUpperCase(), u1!, "not an identifier", existing.url] },
        // a2 is claimed by the first row that names it; u2's own alias a1 is row 1's.
        { url: u2!, aliases: [a1!, a2!] },
        // A URL that is an alias from earlier in the same batch: a duplicate of that entry.
        { url: a2! },
        { url: existing.url, aliases: [canonical(uniqueProfileUrl("late"))] },
      ],
    });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
    const { details } = response.body.data;
    expect(response.body.data).toMatchObject({ added: 2, duplicates: 2, errors: 0 });
    expect(details[0]).toMatchObject({ status: "added", url: u1 });
    expect(details[0].aliasesNotAdded).toEqual([
      { alias: "not an identifier", error: "invalid_url" },
      { alias: existing.url, error: "dnc_exists", heldBy: { $id: existing.$id, url: existing.url } },
    ]);
    expect(details[1]).toMatchObject({ status: "added", url: u2 });
    expect(details[1].aliasesNotAdded).toEqual([{ alias: a1, error: "dnc_exists", heldBy: { $id: details[0].$id, url: u1 } }]);
    expect(details[2]).toEqual({ url: a2, input: a2, status: "duplicate", normalizedUrl: a2, $id: details[1].$id });
    expect(details[3]).toMatchObject({ status: "duplicate", $id: existing.$id, aliasesNotAdded: [{ error: "entry_not_added" }] });

    expect((await dnc.check(a1!)).body.data).toMatchObject({
      onList: true,
      matchedBy: "alias",
      entry: { $id: details[0].$id, aliases: [a1] },
    });
    expect((await dnc.check(a2!)).body.data).toMatchObject({ onList: true, matchedBy: "alias", entry: { $id: details[1].$id } });
    const actions = (await api("/api/v1/audit?order=asc&limit=100", { key: team.readKey })).body.data.events
      .filter((e: { action: string }) => e.action.startsWith("dnc.") && e.action !== "dnc.added")
      .map((e: { action: string; url: string }) => [e.action, e.url]);
    expect(actions).toEqual([
      ["dnc.batch_added", u1],
      ["dnc.alias_added", a1],
      ["dnc.batch_added", u2],
      ["dnc.alias_added", a2],
    ]);
    const chain = await api("/api/v1/audit/verify", { key: team.readKey });
    expect(chain.body.data).toMatchObject({ ok: true });

    // Re-importing the list as exported (each entry with its aliases) is all duplicates and nothing to report.
    const exported = (await dnc.list()).body.data.entries as Entry[];
    const again = await dnc.write("/dnc/batch", "POST", { entries: exported.map((e) => ({ url: e.url, aliases: e.aliases ?? [] })) });
    expect(again.body.data).toMatchObject({ added: 0, duplicates: 3 });
    expect(again.body.data.details.filter((d: { aliasesNotAdded?: unknown }) => d.aliasesNotAdded)).toEqual([]);

    expectError(
      await dnc.write("/dnc/batch", "POST", { entries: [{ url: uniqueProfileUrl(), aliases: Array.from({ length: 21 }, () => "in/x") }] }),
      400,
      "invalid_entries",
    );
  });

  it("removing an entry takes its aliases along; restoring brings them back, except one another entry took meanwhile", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const entry = await dnc.add();
    const [kept, taken] = [canonical(uniqueProfileUrl("kept")), canonical(uniqueProfileUrl("taken"))];
    await dnc.addAlias(entry.$id, kept);
    await dnc.addAlias(entry.$id, taken);

    expect((await dnc.write(`/dnc/${entry.$id}`, "DELETE", { reason: "asked" })).status).toBe(200);
    expect((await dnc.check(kept)).body.data).toEqual({ onList: false });
    const removed = (await api("/api/v1/dnc/removed", { key: team.readKey })).body.data.entries;
    expect(removed[0]).toMatchObject({ $id: entry.$id, aliases: [kept, taken].sort() });
    const removedSearch = await api(`/api/v1/dnc/removed?q=${encodeURIComponent(taken.slice(-14))}`, { key: team.readKey });
    expect(removedSearch.body.data.total).toBe(1);

    // Meanwhile the identifier is listed on its own.
    const other = await dnc.add(taken);
    const restored = await dnc.write(`/dnc/${entry.$id}/restore`, "POST");
    expect(restored.status, JSON.stringify(restored.body)).toBe(201);
    expect(restored.body.data).toMatchObject({ $id: entry.$id, aliases: [kept], aliasesNotRestored: [taken] });
    expect((await dnc.check(kept)).body.data).toMatchObject({ onList: true, matchedBy: "alias", entry: { $id: entry.$id } });
    expect((await dnc.check(taken)).body.data).toEqual({ onList: true, entry: other });
    // The alias that came back is in the entry's history, chained after the restore it came with.
    const trail = (await api(`/api/v1/audit?order=asc&url=${encodeURIComponent(entry.url)}`, { key: team.readKey })).body.data.events;
    expect(trail.map((event: { action: string; url: string }) => [event.action, event.url]).slice(-3)).toEqual([
      ["dnc.deleted", entry.url],
      ["dnc.restored", entry.url],
      ["dnc.alias_added", kept],
    ]);
    expect((await api("/api/v1/audit/verify", { key: team.readKey })).body.data).toMatchObject({ ok: true });
    // The change feed's restore names the aliases it brought back, so a mirror knows them, once: the
    // restore's own alias events stay out of the feed.
    const feed = (await api("/api/v1/dnc/changes?limit=100", { key: team.readKey })).body.data.changes;
    expect(feed.filter((change: { $id: string }) => change.$id === entry.$id)).toEqual([
      expect.objectContaining({ type: "added", url: entry.url }),
      expect.objectContaining({ type: "alias_added", alias: kept }),
      expect.objectContaining({ type: "alias_added", alias: taken }),
      expect.objectContaining({ type: "removed", url: entry.url }),
      expect.objectContaining({ type: "restored", url: entry.url, aliases: [kept] }),
    ]);

    // Restoring an entry whose URL was taken as an alias meanwhile is dnc_exists naming the holder.
    const second = await dnc.add();
    expect((await dnc.write(`/dnc/${second.$id}`, "DELETE")).status).toBe(200);
    expect((await dnc.addAlias(other.$id, second.url)).status).toBe(201);
    const refused = await dnc.write(`/dnc/${second.$id}/restore`, "POST");
    expectError(refused, 409, "dnc_exists");
    expect(refused.body.heldBy).toEqual({ $id: other.$id, url: other.url });
  });
});

describe("audit trail, change feed and webhooks", () => {
  let receivers: WebhookReceiver[] = [];
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.close()));
    receivers = [];
  });

  it("alias changes are chained audit events, changes in the feed and signed webhook deliveries", async () => {
    const team = await createTestTeam();
    const dnc = client(team);
    const hooks = await startWebhookReceiver();
    receivers.push(hooks);
    const registered = await dnc.write("/webhooks", "POST", { url: hooks.url(), events: ["dnc.alias_added", "dnc.alias_removed"] });
    expect(registered.status, JSON.stringify(registered.body)).toBe(201);
    hooks.setSecret(registered.body.data.secret);

    const entry = await dnc.add();
    const alias = canonical(uniqueProfileUrl("hooked"));
    expect((await dnc.addAlias(entry.$id, alias)).status).toBe(201);
    expect((await dnc.addAlias(entry.$id, alias)).status).toBe(409);
    expect((await dnc.removeAlias(entry.$id, alias)).status).toBe(200);

    await waitFor("two deliveries", () => hooks.received.length >= 2);
    expect(hooks.received.map((hook) => [hook.type, hook.data])).toEqual([
      ["dnc.alias_added", { id: entry.$id, url: entry.url, alias }],
      ["dnc.alias_removed", { id: entry.$id, url: entry.url, alias }],
    ]);

    const events = (await api("/api/v1/audit?order=asc", { key: team.readKey })).body.data.events.filter((e: { action: string }) =>
      e.action.startsWith("dnc.alias"),
    );
    expect(events.map((e: { action: string; targetId: string; url: string }) => [e.action, e.targetId, e.url])).toEqual([
      ["dnc.alias_added", entry.$id, alias],
      ["dnc.alias_removed", entry.$id, alias],
    ]);
    expect(hooks.received.map((hook) => hook.id)).toEqual(events.map((e: { $id: string }) => e.$id));
    const history = await api(`/api/v1/audit?url=${encodeURIComponent(alias)}`, { key: team.readKey });
    expect(history.body.data.total).toBe(2);
    const chain = await api("/api/v1/audit/verify", { key: team.readKey });
    expect(chain.body.data).toMatchObject({ ok: true });
    expect(chain.body.data.checked).toBeGreaterThanOrEqual(5);

    const feed = await api("/api/v1/dnc/changes", { key: team.readKey });
    expect(
      feed.body.data.changes.map((change: { type: string; $id: string; url: string; alias?: string }) => [
        change.type,
        change.$id,
        change.url,
        change.alias,
      ]),
    ).toEqual([
      ["added", entry.$id, entry.url, undefined],
      ["alias_added", entry.$id, entry.url, alias],
      ["alias_removed", entry.$id, entry.url, alias],
    ]);
    // The feed still names the entry's URL once the entry is gone.
    await dnc.addAlias(entry.$id, alias);
    await dnc.write(`/dnc/${entry.$id}`, "DELETE");
    const after = await api(`/api/v1/dnc/changes?cursor=${feed.body.data.nextCursor}`, { key: team.readKey });
    expect(after.body.data.changes.map((change: { type: string; url: string }) => [change.type, change.url])).toEqual([
      ["alias_added", entry.url],
      ["removed", entry.url],
    ]);
  });
});
