import { beforeEach, describe, expect, inject, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, refuseAuditRows, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";

let team: TestTeam;
let other: TestTeam;

// Fresh teams per test: every test starts with an empty list and a full rate-limit budget.
beforeEach(async () => {
  [team, other] = await Promise.all([createTestTeam(), createTestTeam()]);
});

async function addEntry(key: string, url = uniqueProfileUrl()) {
  const response = await api("/api/v1/dnc", { method: "POST", key, body: { url } });
  expect(response.status).toBe(201);
  return response.body.data as { $id: string; url: string };
}

function expectError(response: { status: number; body: any }, status: number, code: string) {
  expect({ status: response.status, error: response.body?.error }).toEqual({ status, error: code });
  expect(typeof response.body.message).toBe("string");
  expect(response.body.message.length).toBeGreaterThan(0);
}

describe("POST /dnc", () => {
  it("201: adds the canonical form and answers in Kakiyo's envelope", async () => {
    const slug = `Jane-Doe-${Date.now()}`;
    const response = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: { url: `https://uk.linkedin.com/in/${slug}/?trk=x` },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ error: null, message: "Added to Do Not Contact list" });
    const entry = response.body.data;
    expect(Object.keys(entry).sort()).toEqual([
      "$createdAt",
      "$id",
      "$updatedAt",
      "createdBy",
      "note",
      "source",
      "sourceFile",
      "teamId",
      "url",
    ]);
    expect(entry.$id).toMatch(/^dnc_[A-Za-z0-9]{20}$/);
    expect(entry.teamId).toBe(team.id);
    expect(entry.url).toBe(`https://linkedin.com/in/${slug.toLowerCase()}`);
    expect(new Date(entry.$createdAt).toISOString()).toBe(entry.$createdAt);
  });

  it("409 dnc_exists for another spelling of a listed URL; nothing stored or recorded", async () => {
    const { url } = await addEntry(team.writeKey);
    const variant = url.replace("https://linkedin.com", "http://WWW.LinkedIn.com").toUpperCase().replace("HTTP://", "http://") + "/";
    const auditBefore = (await api("/api/v1/audit", { key: team.readKey })).body.data.total;
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: variant } }), 409, "dnc_exists");
    expect((await api("/api/v1/audit", { key: team.readKey })).body.data.total).toBe(auditBefore);
    expect((await api("/api/v1/dnc", { key: team.readKey })).body.data.total).toBe(1);
  });

  it("writes one dnc.added audit row with the request id", async () => {
    const response = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: { url: uniqueProfileUrl(), note: "Opted out by email" },
    });
    const audit = await api("/api/v1/audit?action=dnc.added", { key: team.readKey });
    expect(audit.body.data.events).toMatchObject([
      {
        action: "dnc.added",
        targetId: response.body.data.$id,
        url: response.body.data.url,
        reason: "Opted out by email",
        requestId: response.headers.get("x-request-id"),
      },
    ]);
  });

  it.each([
    { label: "missing url", body: { note: "x" }, code: "missing_url" },
    { label: "url not a string", body: { url: 42 }, code: "invalid_url" },
    { label: "url null", body: { url: null }, code: "invalid_url" },
    { label: "not a LinkedIn profile", body: { url: "https://example.com/in/x" }, code: "invalid_url" },
    { label: "company page", body: { url: "https://linkedin.com/company/acme" }, code: "invalid_url" },
    { label: "body is an array", body: [{ url: "in/x" }], code: "invalid_body" },
    { label: "body is a string", body: '"in/x"', code: "invalid_body" },
    { label: "malformed JSON", body: '{"url": ', code: "invalid_json" },
    { label: "empty body", body: "", code: "invalid_json" },
    { label: "note too long", body: { url: "in/note-too-long", note: "n".repeat(501) }, code: "invalid_note" },
  ])("$label → 400 $code, nothing stored", async ({ body, code }) => {
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body }), 400, code);
    expect((await api("/api/v1/dnc", { key: team.readKey })).body.data.total).toBe(0);
  });

  it("an API key's JSON body is read whatever its Content-Type (curl -d sends form encoding)", async () => {
    const url = uniqueProfileUrl("curl");
    for (const contentType of ["application/x-www-form-urlencoded", "text/plain", ""]) {
      const response = await api("/api/v1/dnc", {
        method: "POST",
        key: team.writeKey,
        body: JSON.stringify({ url: `${url}-${contentType.length}` }),
        headers: { "content-type": contentType },
      });
      expect(response.status, contentType).toBe(201);
    }
    const formEncoded = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: "url=in/x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expectError(formEncoded, 400, "invalid_json");
  });

  it("401 unauthorized without a key, 403 forbidden with a read key", async () => {
    expectError(await api("/api/v1/dnc", { method: "POST", body: { url: uniqueProfileUrl() } }), 401, "unauthorized");
    expectError(await api("/api/v1/dnc", { method: "POST", key: team.readKey, body: { url: uniqueProfileUrl() } }), 403, "forbidden");
  });
});

describe("GET /dnc", () => {
  it("200: lists the team's entries newest first with total, limit and offset", async () => {
    const fresh = await createTestTeam();
    const added = [];
    for (let i = 0; i < 3; i++) added.push(await addEntry(fresh.writeKey));
    const response = await api("/api/v1/dnc", { key: fresh.readKey });
    expect(response.status).toBe(200);
    expect(response.body.error).toBeNull();
    expect(response.body.data).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(response.body.data.entries.map((e: { $id: string }) => e.$id)).toEqual(added.map((e) => e.$id).reverse());

    const page = await api("/api/v1/dnc?limit=1&offset=1", { key: fresh.readKey });
    expect(page.body.data).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.body.data.entries.map((e: { $id: string }) => e.$id)).toEqual([added[1]!.$id]);

    const beyond = await api("/api/v1/dnc?offset=10", { key: fresh.readKey });
    expect(beyond.body.data).toMatchObject({ entries: [], total: 3 });
  });

  it("every page, from either end of the list and in either order, is the matching slice of the whole list", async () => {
    const fresh = await createTestTeam();
    for (let i = 0; i < 4; i++) await addEntry(fresh.writeKey);
    const batch = Array.from({ length: 7 }, (_, i) => ({ url: `in/page-${i}` }));
    await api("/api/v1/dnc/batch", { method: "POST", key: fresh.writeKey, body: { entries: batch } });
    for (const order of ["desc", "asc"]) {
      const whole = (await api(`/api/v1/dnc?limit=1000&order=${order}`, { key: fresh.readKey })).body.data.entries;
      expect(whole).toHaveLength(11);
      const pages: [offset: number, limit: number][] = [
        [0, 3],
        [4, 3],
        [6, 3],
        [8, 3],
        [9, 5],
        [10, 1],
        [5, 50],
      ];
      for (const [offset, limit] of pages) {
        const page = await api(`/api/v1/dnc?limit=${limit}&offset=${offset}&order=${order}`, { key: fresh.readKey });
        expect(page.body.data.entries, `${order} offset ${offset} limit ${limit}`).toEqual(whole.slice(offset, offset + limit));
      }
    }
  });

  it("extension: q filters by URL text, order=asc reverses", async () => {
    const fresh = await createTestTeam();
    const a = await addEntry(fresh.writeKey, "in/alpha-one");
    const b = await addEntry(fresh.writeKey, "in/beta-two");
    const search = await api("/api/v1/dnc?q=ALPHA", { key: fresh.readKey });
    expect(search.body.data.entries.map((e: { $id: string }) => e.$id)).toEqual([a.$id]);
    expect(search.body.data.total).toBe(1);
    const ascending = await api("/api/v1/dnc?order=asc", { key: fresh.readKey });
    expect(ascending.body.data.entries.map((e: { $id: string }) => e.$id)).toEqual([a.$id, b.$id]);
  });

  it.each([
    "limit=0",
    "limit=1001",
    "limit=-1",
    "limit=1e9",
    "limit=abc",
    "limit=1.5",
    "limit=",
    "offset=abc",
    "offset=-1",
    "offset=99999999999",
  ])("400 invalid_pagination for %s", async (query) => {
    expectError(await api(`/api/v1/dnc?${query}`, { key: team.readKey }), 400, "invalid_pagination");
  });

  it("accepts the bounds limit=1 and limit=1000", async () => {
    expect((await api("/api/v1/dnc?limit=1", { key: team.readKey })).status).toBe(200);
    expect((await api("/api/v1/dnc?limit=1000", { key: team.readKey })).status).toBe(200);
  });

  it("401 unauthorized without a key", async () => {
    expectError(await api("/api/v1/dnc"), 401, "unauthorized");
  });
});

describe("GET /dnc/check", () => {
  it("200 onList true with the entry, for any accepted spelling", async () => {
    const entry = await addEntry(team.writeKey);
    const spelling = entry.url.replace("https://linkedin.com/in/", "m.linkedin.com/in/").toUpperCase();
    const response = await api(`/api/v1/dnc/check?url=${encodeURIComponent(spelling)}`, { key: team.readKey });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ error: null, data: { onList: true, entry } });
  });

  it("200 onList false for an unlisted URL", async () => {
    const response = await api(`/api/v1/dnc/check?url=${encodeURIComponent(uniqueProfileUrl())}`, { key: team.readKey });
    expect(response.body).toEqual({ error: null, data: { onList: false } });
  });

  it.each([
    ["", "missing_url"],
    ["?url=", "missing_url"],
    ["?url=https%3A%2F%2Fexample.com%2Fin%2Fx", "invalid_url"],
    [`?url=in/${"a".repeat(3000)}`, "invalid_url"],
  ])("%s → 400 %s", async (query, code) => {
    expectError(await api(`/api/v1/dnc/check${query}`, { key: team.readKey }), 400, code);
  });

  it("401 unauthorized without a key", async () => {
    expectError(await api("/api/v1/dnc/check?url=in/x"), 401, "unauthorized");
  });
});

describe("POST /dnc/batch", () => {
  it("201: reports added, duplicates and errors per input, in order", async () => {
    const existing = await addEntry(team.writeKey);
    const fresh = uniqueProfileUrl();
    const response = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: {
        entries: [
          { url: fresh },
          { url: fresh.toUpperCase().replace("HTTPS://WWW.LINKEDIN.COM", "linkedin.com") },
          { url: existing.url },
          { url: "not a url" },
        ],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.error).toBeNull();
    expect(response.body.message).toBe("Bulk import completed: 1 added, 2 duplicates, 1 errors");
    expect(response.body.data).toMatchObject({ added: 1, duplicates: 2, errors: 1 });
    expect(response.body.data.details.map((d: { status: string }) => d.status)).toEqual(["added", "duplicate", "duplicate", "error"]);
    // Kakiyo answers the normalised URL in `url`; the URL as sent stays available as `input`.
    const canonical = `https://linkedin.com/in/${fresh.split("/in/")[1]!.toLowerCase()}`;
    expect(response.body.data.details.map((d: { url: string }) => d.url)).toEqual([canonical, canonical, existing.url, "not a url"]);
    expect(response.body.data.details[1].input).toBe(fresh.toUpperCase().replace("HTTPS://WWW.LINKEDIN.COM", "linkedin.com"));
    expect(response.body.data.details[3]).toEqual({ url: "not a url", input: "not a url", status: "error", error: "invalid_url" });
    const check = await api(`/api/v1/dnc/check?url=${encodeURIComponent(fresh)}`, { key: team.readKey });
    expect(check.body.data.onList).toBe(true);
  });

  it.each([
    ["no entries field", {}, "missing_entries"],
    ["entries empty", { entries: [] }, "empty_entries"],
    ["entries not an array", { entries: "in/x" }, "invalid_entries"],
    ["an entry without url", { entries: [{ url: "in/ok" }, { link: "in/x" }] }, "invalid_entries"],
    ["an entry that is a string", { entries: ["in/x"] }, "invalid_entries"],
    ["1001 entries", { entries: Array.from({ length: 1001 }, (_, i) => ({ url: `in/too-many-${i}` })) }, "too_many_entries"],
    ["body not an object", "[]", "invalid_body"],
  ])("%s → 400 %s, nothing stored", async (_label, body, code) => {
    const fresh = await createTestTeam();
    expectError(await api("/api/v1/dnc/batch", { method: "POST", key: fresh.writeKey, body }), 400, code);
    expect((await api("/api/v1/dnc", { key: fresh.readKey })).body.data.total).toBe(0);
  });

  it("accepts exactly 1000 entries", async () => {
    const fresh = await createTestTeam();
    const entries = Array.from({ length: 1000 }, (_, i) => ({ url: `in/bulk-${i}` }));
    const response = await api("/api/v1/dnc/batch", { method: "POST", key: fresh.writeKey, body: { entries } });
    expect(response.status).toBe(201);
    expect(response.body.data).toMatchObject({ added: 1000, duplicates: 0, errors: 0 });
    expect((await api("/api/v1/dnc?limit=1", { key: fresh.readKey })).body.data.total).toBe(1000);
  });

  it("401 without a key, 403 with a read key", async () => {
    expectError(await api("/api/v1/dnc/batch", { method: "POST", body: { entries: [{ url: "in/x" }] } }), 401, "unauthorized");
    expectError(
      await api("/api/v1/dnc/batch", { method: "POST", key: team.readKey, body: { entries: [{ url: "in/x" }] } }),
      403,
      "forbidden",
    );
  });
});

describe("DELETE /dnc/{id}", () => {
  it("200 with Kakiyo's body; the entry is gone and the next check says so", async () => {
    const entry = await addEntry(team.writeKey);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey })).body.data.onList).toBe(true);
    const response = await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ error: null, data: { message: "DNC entry deleted successfully" } });
    const check = await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey });
    expect(check.body).toEqual({ error: null, data: { onList: false } });
  });

  it("keeps the reason, from a JSON body or the query, in the audit trail", async () => {
    const fresh = await createTestTeam();
    const viaBody = await addEntry(fresh.writeKey);
    const viaQuery = await addEntry(fresh.writeKey);
    await api(`/api/v1/dnc/${viaBody.$id}`, { method: "DELETE", key: fresh.writeKey, body: { reason: "Consent restored 2026-11-01" } });
    const deleted = await api(`/api/v1/dnc/${viaQuery.$id}?reason=${encodeURIComponent("Added by mistake")}`, {
      method: "DELETE",
      key: fresh.writeKey,
    });
    const audit = await api("/api/v1/audit?action=dnc.deleted", { key: fresh.readKey });
    expect(audit.body.data.events).toMatchObject([
      {
        action: "dnc.deleted",
        targetId: viaQuery.$id,
        url: viaQuery.url,
        reason: "Added by mistake",
        requestId: deleted.headers.get("x-request-id"),
      },
      { action: "dnc.deleted", targetId: viaBody.$id, url: viaBody.url, reason: "Consent restored 2026-11-01" },
    ]);
    expect(audit.body.data.events[0].actor).toMatch(/^key:dncsk_/);
  });

  it.each([
    ["an id that does not exist", "dnc_AAAAAAAAAAAAAAAAAAAA"],
    ["Kakiyo's example id", "dnc_12345abcde"],
    ["a malformed id", "not-an-id"],
    ["an id with SQL", encodeURIComponent("dnc_x' OR '1'='1")],
    ["a traversal", encodeURIComponent("../dnc")],
    ["a NUL byte", "dnc_abc%00"],
  ])("404 dnc_not_found for %s", async (_label, id) => {
    expectError(await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: team.writeKey }), 404, "dnc_not_found");
  });

  it("403 unauthorized_dnc for another team's entry, which stays", async () => {
    const entry = await addEntry(other.writeKey);
    const response = await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey });
    expect(response.body).toEqual({ error: "unauthorized_dnc", message: "You do not have access to this DNC entry" });
    expect(response.status).toBe(403);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: other.readKey })).body.data.onList).toBe(true);
  });

  it("403 forbidden for a read key, 401 unauthorized without one; the entry stays", async () => {
    const entry = await addEntry(team.writeKey);
    expectError(await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.readKey }), 403, "forbidden");
    const anonymous = await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE" });
    expect(anonymous.body).toEqual({ error: "unauthorized", message: "Invalid or missing API key" });
    expect(anonymous.status).toBe(401);
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey })).body.data.onList).toBe(true);
  });

  it("400 invalid_reason for an over-long reason; nothing deleted", async () => {
    const entry = await addEntry(team.writeKey);
    expectError(
      await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey, body: { reason: "r".repeat(501) } }),
      400,
      "invalid_reason",
    );
    expect((await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey })).body.data.onList).toBe(true);
  });

  it("500 internal_error when the audit row cannot be written, and the entry is not deleted", async () => {
    const fresh = await createTestTeam();
    const entry = await addEntry(fresh.writeKey);
    const allowAuditRows = await refuseAuditRows(fresh.id);
    try {
      const response = await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: fresh.writeKey });
      expect(response.body).toEqual({ error: "internal_error", message: "An internal error occurred" });
      expect(response.status).toBe(500);
    } finally {
      await allowAuditRows();
    }
    const db = await testDb();
    const check = await api(`/api/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: fresh.readKey });
    expect(check.body.data).toEqual({ onList: true, entry });
    expect(await db.dncEntry.count({ where: { id: entry.$id } })).toBe(1);
  });
});

describe("GET /audit", () => {
  it("lists adds, batch adds and deletes newest first, filterable by action", async () => {
    const fresh = await createTestTeam();
    const single = await addEntry(fresh.writeKey);
    await api("/api/v1/dnc/batch", {
      method: "POST",
      key: fresh.writeKey,
      body: { entries: [{ url: "in/audit-a" }, { url: "in/audit-b" }] },
    });
    await api(`/api/v1/dnc/${single.$id}`, { method: "DELETE", key: fresh.writeKey });
    const response = await api("/api/v1/audit?limit=10", { key: fresh.readKey });
    expect(response.status).toBe(200);
    const actions = response.body.data.events.map((e: { action: string }) => e.action);
    expect(actions).toEqual(["dnc.deleted", "dnc.batch_added", "dnc.batch_added", "dnc.added", "apikey.created", "apikey.created"]);
    const filtered = await api("/api/v1/audit?action=dnc.batch_added", { key: fresh.readKey });
    expect(filtered.body.data.total).toBe(2);
    expectError(await api("/api/v1/audit?action=dnc.nope", { key: fresh.readKey }), 400, "invalid_query");
    expectError(await api("/api/v1/audit?limit=0", { key: fresh.readKey }), 400, "invalid_pagination");
    expectError(await api("/api/v1/audit"), 401, "unauthorized");
  });
});

describe("Kakiyo path shape and discovery", () => {
  it("serves the same API under /v1", async () => {
    const entry = await addEntry(team.writeKey);
    const check = await api(`/v1/dnc/check?url=${encodeURIComponent(entry.url)}`, { key: team.readKey });
    expect(check.body).toEqual({ error: null, data: { onList: true, entry } });
    const deleted = await api(`/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey });
    expect(deleted.body).toEqual({ error: null, data: { message: "DNC entry deleted successfully" } });
    expectError(await api(`/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey }), 404, "dnc_not_found");
  });

  it.each([
    ["PUT", "/api/v1/dnc", "GET, POST"],
    ["GET", "/api/v1/dnc/batch", "POST"],
    ["PUT", "/api/v1/dnc/dnc_12345abcde", "DELETE, PATCH"],
    ["POST", "/v1/dnc/check", "GET"],
  ])("%s %s → 405 method_not_allowed with Allow: %s", async (method, route, allow) => {
    const response = await api(route, { method, key: team.writeKey });
    expectError(response, 405, "method_not_allowed");
    expect(response.headers.get("allow")).toBe(allow);
  });

  it("answers unknown API paths with the envelope", async () => {
    expectError(await api("/api/v1/nothing-here", { key: team.readKey }), 404, "not_found");
  });

  it("serves an OpenAPI 3.1 document describing every route and its codes", async () => {
    const team = await createTestTeam();
    const response = await api("/api/v1/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual([
      "/api-keys",
      "/api-keys/{id}",
      "/audit",
      "/audit/verify",
      "/clients",
      "/clients/{id}",
      "/dnc",
      "/dnc/batch",
      "/dnc/changes",
      "/dnc/check",
      "/dnc/check/batch",
      "/dnc/facets",
      "/dnc/removed",
      "/dnc/{id}",
      "/dnc/{id}/aliases",
      "/dnc/{id}/aliases/{url}",
      "/dnc/{id}/restore",
      "/invitations",
      "/invitations/{id}",
      "/members",
      "/members/{id}",
      "/team",
      "/verify",
      "/webhooks",
      "/webhooks/{id}",
      "/webhooks/{id}/deliveries",
      "/webhooks/{id}/deliveries/{deliveryId}/resend",
    ]);
    expect(doc.paths["/webhooks/{id}/deliveries/{deliveryId}/resend"].post.parameters.map((p: { name: string }) => p.name)).toEqual([
      "id",
      "deliveryId",
      "X-DNC-Team",
    ]);
    expect(doc.paths["/api-keys"].post.security).toEqual([{ session: [] }]);
    expect(doc.paths["/members/{id}"].patch.security).toEqual([{ session: [] }]);
    expect(doc.paths["/members/{id}"].patch.responses["409"].content["application/json"].schema.properties.error.enum).toEqual([
      "last_owner",
    ]);
    expect(doc.paths["/dnc"].post.security).toEqual([{ bearer: [] }, { session: [] }]);
    const del = doc.paths["/dnc/{id}"].delete;
    expect(Object.keys(del.responses).sort()).toEqual(["200", "400", "401", "403", "404", "413", "415", "429", "500", "503"]);
    expect(del.responses["403"].content["application/json"].schema.properties.error.enum).toEqual(
      expect.arrayContaining(["forbidden", "unauthorized_dnc"]),
    );
    const limit = doc.paths["/dnc"].get.parameters.find((p: { name: string }) => p.name === "limit");
    expect(limit.schema).toMatchObject({ type: "string" });
    expect(doc.paths["/dnc/batch"].post.requestBody.content["application/json"].schema.properties.entries).toMatchObject({
      minItems: 1,
      maxItems: 1000,
    });
    // The limits come from this server's configuration (a 5-second test window), not from a hand-kept copy.
    const windowSeconds = inject("rateWindowMs") / 1000;
    expect(doc.paths["/dnc/{id}"].delete["x-rate-limit"]).toEqual({ bucket: "write", limit: 30, windowSeconds });
    expect(doc.paths["/dnc/batch"].post["x-rate-limit"]).toEqual({ bucket: "batch", limit: 10, windowSeconds });
    expect(doc.info.description).toContain(`rolling ${windowSeconds}-second window`);
    // A 405 answers from the same definitions: the Allow header lists what the document lists.
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      const concrete = path.replace("{id}", "dnc_AAAAAAAAAAAAAAAAAAAA");
      const unserved = ["get", "post", "delete", "put", "patch"].find((method) => !(method in operations))!;
      const refused = await api(`/api/v1${concrete}`, {
        method: unserved.toUpperCase(),
        key: team.readKey,
        ...(unserved === "get" ? {} : { body: {} }),
      });
      expect(refused.status, `${unserved} ${path}`).toBe(405);
      expect(refused.headers.get("allow")!.split(", ").sort()).toEqual(
        Object.keys(operations)
          .map((method) => method.toUpperCase())
          .sort(),
      );
    }
    const { validate } = await import("@readme/openapi-parser");
    expect(await validate(structuredClone(doc))).toMatchObject({ valid: true, warnings: [] });
  });
});

describe("health", () => {
  it("reports the database (a durable one, for SQLite) and Redis", async () => {
    const response = await api("/api/health");
    expect(response.status).toBe(200);
    const database =
      inject("engine") === "sqlite"
        ? { ok: true, engine: "sqlite", journalMode: "wal", synchronous: "full" }
        : { ok: true, engine: "postgresql" };
    const redis = inject("redisUrl") ? { configured: true, ok: true } : { configured: false };
    expect(response.body).toEqual({ ok: true, status: "ok", database, redis });
  });
});
