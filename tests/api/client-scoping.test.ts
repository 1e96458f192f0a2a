import { describe, expect, it } from "vitest";
import { api, type ApiResponse } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";

/**
 * Issue 18, item 1: agency clients, as the entry operations see them. Kakiyo's rule: a check applies
 * the team's global entries plus the client's; a team-wide check without a client applies every
 * list and names the client whose entry matched. Runs on both engines.
 */

function expectError(response: ApiResponse, status: number, code: string) {
  expect({ status: response.status, error: response.body?.error }, JSON.stringify(response.body)).toEqual({ status, error: code });
  expect(response.body.message).toEqual(expect.any(String));
}

function expectStatus(response: ApiResponse, status: number) {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  return response.body.data;
}

type Agency = TestTeam & { clientA: string; clientB: string; keyA: string; readKeyA: string };

/** A team with two clients, a write key bound to the first and a read key bound to it too. */
async function agency(): Promise<Agency> {
  const team = await createTestTeam();
  const create = async (name: string) =>
    expectStatus(await api("/api/v1/clients", { method: "POST", key: team.writeKey, body: { name } }), 201).id as string;
  const [clientA, clientB] = [await create("Acme"), await create("Bravo")];
  const { createApiKey } = await import("@/lib/api-keys/create-api-key");
  const keyA = await createApiKey({ teamId: team.id, name: "acme tool", scope: "write", actor: "test", clientId: clientA });
  const readKeyA = await createApiKey({ teamId: team.id, name: "acme reader", scope: "read", actor: "test", clientId: clientA });
  return { ...team, clientA, clientB, keyA: keyA.key, readKeyA: readKeyA.key };
}

const add = async (key: string, body: Record<string, unknown>) =>
  expectStatus(await api("/api/v1/dnc", { method: "POST", key, body }), 201);
const check = async (key: string, url: string, client?: string) =>
  expectStatus(await api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}${client ? `&client=${client}` : ""}`, { key }), 200);
const listUrls = async (key: string, query = "") =>
  (expectStatus(await api(`/api/v1/dnc?limit=1000&order=asc${query}`, { key }), 200).entries as { url: string; clientId?: string }[]).map(
    (entry) => `${entry.url}${entry.clientId ? ` @${entry.clientId}` : ""}`,
  );

describe("clients: which list an entry is on", () => {
  it("an identifier is on each list once: global and two clients may each hold it, a second add on one list is 409", async () => {
    const team = await agency();
    const url = uniqueProfileUrl("shared");
    const global = await add(team.writeKey, { url });
    expect(global.clientId).toBeUndefined();
    const onA = await add(team.writeKey, { url, clientId: team.clientA });
    expect(onA.clientId).toBe(team.clientA);
    const onB = await add(team.writeKey, { url, clientId: team.clientB });
    expect(new Set([global.$id, onA.$id, onB.$id]).size).toBe(3);

    const again = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, clientId: team.clientA } });
    expectError(again, 409, "dnc_exists");
    expect(again.body.heldBy).toEqual({ $id: onA.$id, url: onA.url });
    // A client-bound key adds to its own client: a duplicate there, whatever the global list has.
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.keyA, body: { url } }), 409, "dnc_exists");

    const batch = expectStatus(
      await api("/api/v1/dnc/batch", {
        method: "POST",
        key: team.writeKey,
        body: { entries: [{ url, clientId: team.clientB }, { url: uniqueProfileUrl("batch-b"), clientId: team.clientB }, { url }] },
      }),
      201,
    );
    expect(batch.details.map((detail: { status: string; $id?: string }) => [detail.status, detail.$id])).toEqual([
      ["duplicate", onB.$id],
      ["added", expect.any(String)],
      ["duplicate", global.$id],
    ]);
  });

  it("a client-bound key adds to its own client; the global list is 403 unauthorized_dnc, another client 404, nothing written", async () => {
    const team = await agency();
    const own = await add(team.keyA, { url: uniqueProfileUrl("own") });
    expect(own.clientId).toBe(team.clientA);
    expect((await add(team.keyA, { url: uniqueProfileUrl("named"), clientId: team.clientA })).clientId).toBe(team.clientA);

    const url = uniqueProfileUrl("refused");
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.keyA, body: { url, clientId: null } }), 403, "unauthorized_dnc");
    expectError(
      await api("/api/v1/dnc", { method: "POST", key: team.keyA, body: { url, clientId: team.clientB } }),
      404,
      "client_not_found",
    );
    expectError(
      await api("/api/v1/dnc/batch", { method: "POST", key: team.keyA, body: { entries: [{ url }, { url, clientId: team.clientB }] } }),
      404,
      "client_not_found",
    );
    expect((await check(team.writeKey, url)).onList).toBe(false);

    // A team-wide caller names only its own team's clients; a malformed id is 400.
    const other = await agency();
    expectError(
      await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, clientId: other.clientA } }),
      404,
      "client_not_found",
    );
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url, clientId: "acme" } }), 400, "invalid_client");
    expectError(
      await api("/api/v1/dnc/batch", { method: "POST", key: team.writeKey, body: { entries: [{ url, clientId: 7 }] } }),
      400,
      "invalid_client",
    );
    expect((await check(team.writeKey, url)).onList).toBe(false);
  });
});

describe("clients: the check", () => {
  it("applies the global list plus the client's; without a client, every list, naming the client whose entry matched", async () => {
    const team = await agency();
    const [globalUrl, aUrl, bUrl] = [uniqueProfileUrl("g"), uniqueProfileUrl("a"), uniqueProfileUrl("b")];
    const global = await add(team.writeKey, { url: globalUrl });
    const onA = await add(team.keyA, { url: aUrl });
    const onB = await add(team.writeKey, { url: bUrl, clientId: team.clientB });

    // Team-wide, no client: the safe answer, every list; the entry says whose it is.
    expect(await check(team.readKey, bUrl)).toEqual({ onList: true, entry: onB });
    expect((await check(team.readKey, bUrl)).entry.clientId).toBe(team.clientB);
    // Team-wide, naming a client: that client's view.
    expect(await check(team.readKey, globalUrl, team.clientA)).toEqual({ onList: true, entry: global });
    expect(await check(team.readKey, aUrl, team.clientA)).toEqual({ onList: true, entry: onA });
    expect(await check(team.readKey, bUrl, team.clientA)).toEqual({ onList: false });
    expect(await check(team.readKey, aUrl, "global")).toEqual({ onList: false });
    // A client-bound key: always its client's view (asked twice: the second answer is cached).
    for (let round = 0; round < 2; round += 1) {
      expect(await check(team.readKeyA, bUrl)).toEqual({ onList: false });
      expect(await check(team.readKeyA, aUrl)).toEqual({ onList: true, entry: onA });
      expect(await check(team.readKeyA, globalUrl)).toEqual({ onList: true, entry: global });
    }
    expectError(
      await api(`/api/v1/dnc/check?url=${encodeURIComponent(bUrl)}&client=${team.clientB}`, { key: team.readKeyA }),
      404,
      "client_not_found",
    );
    expectError(await api(`/api/v1/dnc/check?url=${encodeURIComponent(bUrl)}&client=nope`, { key: team.readKey }), 400, "invalid_client");

    const batch = async (key: string, client?: string) =>
      expectStatus(
        await api("/api/v1/dnc/check/batch", {
          method: "POST",
          key,
          body: { urls: [globalUrl, aUrl, bUrl], ...(client ? { client } : {}) },
        }),
        200,
      ).results.map((result: { onList: boolean }) => result.onList);
    expect(await batch(team.readKey)).toEqual([true, true, true]);
    expect(await batch(team.readKey, team.clientB)).toEqual([true, false, true]);
    expect(await batch(team.readKeyA)).toEqual([true, true, false]);
  });

  it("a person on the global list and on a client's answers with the global entry, which applies to every client", async () => {
    const team = await agency();
    const url = uniqueProfileUrl("both");
    const onA = await add(team.keyA, { url });
    expect(await check(team.readKeyA, url)).toEqual({ onList: true, entry: onA });
    const global = await add(team.writeKey, { url });
    expect(await check(team.readKeyA, url)).toEqual({ onList: true, entry: global });
    expect(await check(team.readKey, url)).toEqual({ onList: true, entry: global });
  });
});

describe("clients: reading and changing entries", () => {
  it("a client-bound key lists, counts and feeds the global list plus its client's; a team-wide caller filters with client=", async () => {
    const team = await agency();
    const [g, a, b] = [uniqueProfileUrl("lg"), uniqueProfileUrl("la"), uniqueProfileUrl("lb")];
    await add(team.writeKey, { url: g });
    await add(team.keyA, { url: a });
    await add(team.writeKey, { url: b, clientId: team.clientB });

    expect(await listUrls(team.readKeyA)).toEqual([g, `${a} @${team.clientA}`]);
    expect(await listUrls(team.readKeyA, "&client=global")).toEqual([g]);
    expectError(await api(`/api/v1/dnc?client=${team.clientB}`, { key: team.readKeyA }), 404, "client_not_found");
    expect(await listUrls(team.readKey)).toEqual([g, `${a} @${team.clientA}`, `${b} @${team.clientB}`]);
    expect(await listUrls(team.readKey, `&client=${team.clientB}`)).toEqual([g, `${b} @${team.clientB}`]);
    expect(await listUrls(team.readKey, "&client=global")).toEqual([g]);
    expectError(await api("/api/v1/dnc?client=cli_doesnotexist", { key: team.readKey }), 404, "client_not_found");
    expectError(await api("/api/v1/dnc?client=Acme", { key: team.readKey }), 400, "invalid_client");

    const facets = expectStatus(await api("/api/v1/dnc/facets", { key: team.readKeyA }), 200);
    expect(facets.source.reduce((sum: number, facet: { count: number }) => sum + facet.count, 0)).toBe(2);

    const feed = async (key: string, query = "") =>
      (expectStatus(await api(`/api/v1/dnc/changes?limit=100${query}`, { key }), 200).changes as { url: string; clientId?: string }[]).map(
        (change) => `${change.url}${change.clientId ? ` @${change.clientId}` : ""}`,
      );
    expect(await feed(team.readKeyA)).toEqual([g, `${a} @${team.clientA}`]);
    expect(await feed(team.readKey)).toEqual([g, `${a} @${team.clientA}`, `${b} @${team.clientB}`]);
    expect(await feed(team.readKey, `&client=${team.clientB}`)).toEqual([g, `${b} @${team.clientB}`]);
  });

  it("a client-bound key changes only its client's entries: a global one is 403 unauthorized_dnc, another client's is not there (404)", async () => {
    const team = await agency();
    const global = await add(team.writeKey, { url: uniqueProfileUrl("cg") });
    const onB = await add(team.writeKey, { url: uniqueProfileUrl("cb"), clientId: team.clientB });
    const onA = await add(team.keyA, { url: uniqueProfileUrl("ca") });

    for (const [method, path, body] of [
      ["DELETE", "", undefined],
      ["PATCH", "", { note: "mine now" }],
      ["POST", "/aliases", { url: uniqueProfileUrl("alias") }],
    ] as const) {
      expectError(await api(`/api/v1/dnc/${global.$id}${path}`, { method, key: team.keyA, body }), 403, "unauthorized_dnc");
      expectError(await api(`/api/v1/dnc/${onB.$id}${path}`, { method, key: team.keyA, body }), 404, "dnc_not_found");
    }
    expect(await listUrls(team.readKey)).toHaveLength(3);

    // Its own: changed, removed and restored, on its client's list, audited with the client.
    expectStatus(await api(`/api/v1/dnc/${onA.$id}`, { method: "PATCH", key: team.keyA, body: { note: "asked by phone" } }), 200);
    expectStatus(await api(`/api/v1/dnc/${onA.$id}`, { method: "DELETE", key: team.keyA }), 200);
    const removed = expectStatus(await api("/api/v1/dnc/removed", { key: team.readKeyA }), 200).entries;
    expect(removed.map((entry: { $id: string; clientId?: string }) => [entry.$id, entry.clientId])).toEqual([[onA.$id, team.clientA]]);
    const restored = expectStatus(await api(`/api/v1/dnc/${onA.$id}/restore`, { method: "POST", key: team.keyA }), 201);
    expect(restored.clientId).toBe(team.clientA);
    expect(await check(team.readKeyA, onA.url)).toMatchObject({ onList: true, entry: { $id: onA.$id, clientId: team.clientA } });

    // Restoring is by list too: a global entry's removal is not the bound key's to undo, another client's not there.
    expectStatus(await api(`/api/v1/dnc/${global.$id}`, { method: "DELETE", key: team.writeKey }), 200);
    expectStatus(await api(`/api/v1/dnc/${onB.$id}`, { method: "DELETE", key: team.writeKey }), 200);
    expectError(await api(`/api/v1/dnc/${global.$id}/restore`, { method: "POST", key: team.keyA }), 403, "unauthorized_dnc");
    expectError(await api(`/api/v1/dnc/${onB.$id}/restore`, { method: "POST", key: team.keyA }), 404, "dnc_not_found");
    const removedSeenByA = expectStatus(await api("/api/v1/dnc/removed", { key: team.readKeyA }), 200).entries;
    expect(removedSeenByA.map((entry: { $id: string }) => entry.$id)).toEqual([global.$id]);

    const events = expectStatus(await api("/api/v1/audit?order=asc&limit=1000", { key: team.readKey }), 200).events as {
      action: string;
      targetId: string | null;
      clientId: string | null;
    }[];
    const ofA = events.filter((event) => event.targetId === onA.$id).map((event) => [event.action, event.clientId]);
    expect(ofA).toEqual([
      ["dnc.added", team.clientA],
      ["dnc.updated", team.clientA],
      ["dnc.deleted", team.clientA],
      ["dnc.restored", team.clientA],
    ]);
    expect(events.find((event) => event.targetId === global.$id)?.clientId).toBeNull();
    expect(expectStatus(await api("/api/v1/audit/verify", { key: team.readKey }), 200)).toMatchObject({ ok: true });
  });

  it("aliases are unique per list: a client's entry may hold an identifier the global list holds, not one its own list does", async () => {
    const team = await agency();
    const global = await add(team.writeKey, { url: uniqueProfileUrl("ag") });
    const onA = await add(team.keyA, { url: uniqueProfileUrl("aa") });
    const second = await add(team.keyA, { url: uniqueProfileUrl("ab") });

    const withAlias = expectStatus(
      await api(`/api/v1/dnc/${onA.$id}/aliases`, { method: "POST", key: team.keyA, body: { url: global.url } }),
      201,
    );
    expect(withAlias.aliases).toEqual([global.url]);
    const taken = await api(`/api/v1/dnc/${second.$id}/aliases`, { method: "POST", key: team.keyA, body: { url: global.url } });
    expectError(taken, 409, "dnc_exists");
    expect(taken.body.heldBy).toEqual({ $id: onA.$id, url: onA.url });
    // The global entry answers for its own URL; the client's alias does not shadow it.
    expect(await check(team.readKeyA, global.url)).toEqual({ onList: true, entry: global });
  });
});
