import { describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, testDb } from "../support/fixtures";

const ONE_MIB = 1024 * 1024;

async function storedCount(teamId: string) {
  const db = await testDb();
  return db.dncEntry.count({ where: { teamId } });
}

describe("hostile input: a 4xx in the envelope, never a 500, nothing stored", () => {
  it.each([
    {
      label: "a body over 1 MiB with Content-Length",
      body: JSON.stringify({ url: "in/x", pad: "x".repeat(ONE_MIB) }),
      status: 413,
      code: "payload_too_large",
    },
    {
      label: "a batch over 1 MiB",
      body: JSON.stringify({ entries: [{ url: `in/${"y".repeat(ONE_MIB)}` }] }),
      status: 413,
      code: "payload_too_large",
    },
    { label: "malformed JSON", body: "{url:", status: 400, code: "invalid_json" },
    { label: "JSON null", body: "null", status: 400, code: "invalid_body" },
    { label: "a number", body: "42", status: 400, code: "invalid_body" },
    { label: "a NUL in the URL", body: JSON.stringify({ url: "https://linkedin.com/in/a\u0000b" }), status: 400, code: "invalid_url" },
    { label: "a percent-encoded NUL", body: JSON.stringify({ url: "https://linkedin.com/in/a%00b" }), status: 400, code: "invalid_url" },
    {
      label: "right-to-left override",
      body: JSON.stringify({ url: "https://linkedin.com/in/a\u202eb" }),
      status: 400,
      code: "invalid_url",
    },
    {
      label: "SQL metacharacters",
      body: JSON.stringify({ url: "https://linkedin.com/in/x'); DROP TABLE DncEntry;--" }),
      status: 400,
      code: "invalid_url",
    },
    { label: "a traversal", body: JSON.stringify({ url: "https://linkedin.com/in/../../etc/passwd" }), status: 400, code: "invalid_url" },
    { label: "an emoji slug", body: JSON.stringify({ url: "https://linkedin.com/in/🙂" }), status: 400, code: "invalid_url" },
    { label: "lone surrogate", body: '{"url":"https://linkedin.com/in/a\\ud800"}', status: 400, code: "invalid_url" },
    { label: "deeply nested JSON", body: `${"[".repeat(5000)}${"]".repeat(5000)}`, status: 400, code: "invalid_body" },
  ])("POST /dnc with $label → $status $code", async ({ body, status, code }) => {
    const team = await createTestTeam();
    const response = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body });
    expect({ status: response.status, error: response.body.error }).toEqual({ status, error: code });
    expect(await storedCount(team.id)).toBe(0);
  });

  it("a chunked body over 1 MiB (no Content-Length) is cut off at the cap", async () => {
    const team = await createTestTeam();
    const piece = new TextEncoder().encode("x".repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent === 0) controller.enqueue(new TextEncoder().encode('{"url":"in/x","pad":"'));
        if (sent >= 2 * ONE_MIB) {
          controller.enqueue(new TextEncoder().encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(piece);
        sent += piece.byteLength;
      },
    });
    const response = await fetch(`${(await import("vitest")).inject("baseUrl")}/api/v1/dnc`, {
      method: "POST",
      headers: { authorization: `Bearer ${team.writeKey}`, "content-type": "application/json" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await response.json()).error).toBe("payload_too_large");
    expect(await storedCount(team.id)).toBe(0);
  });

  it("unicode slugs are stored once, in canonical form", async () => {
    const team = await createTestTeam();
    const response = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: { url: "https://de.linkedin.com/in/JÜRGEN-Müller" },
    });
    expect(response.status).toBe(201);
    expect(response.body.data.url).toBe("https://linkedin.com/in/j%C3%BCrgen-m%C3%BCller");
    const again = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: { url: "linkedin.com/in/j%C3%BCrgen-m%C3%BCller" },
    });
    expect(again.body.error).toBe("dnc_exists");
  });

  it("fields the client must not set ($id, teamId, $createdAt) are ignored", async () => {
    const team = await createTestTeam();
    const other = await createTestTeam();
    const response = await api("/api/v1/dnc", {
      method: "POST",
      key: team.writeKey,
      body: {
        url: "in/ignored-fields",
        $id: "dnc_AAAAAAAAAAAAAAAAAAAA",
        teamId: other.id,
        $createdAt: "2000-01-01T00:00:00.000Z",
        createdBy: "someone",
      },
    });
    expect(response.status).toBe(201);
    expect(response.body.data.$id).not.toBe("dnc_AAAAAAAAAAAAAAAAAAAA");
    expect(response.body.data.teamId).toBe(team.id);
    expect(new Date(response.body.data.$createdAt).getFullYear()).toBeGreaterThan(2020);
    expect(await storedCount(other.id)).toBe(0);
    const db = await testDb();
    expect((await db.dncEntry.findUnique({ where: { id: response.body.data.$id } }))?.createdBy).toMatch(/^test write \(key:dncsk_\w+\)$/);
  });

  it.each(["limit=-1", "limit=1e9", "offset=abc", "limit=%00", "limit=1;DROP", "order=sideways"])(
    "GET /dnc?%s → 400 in the envelope",
    async (query) => {
      const team = await createTestTeam();
      const response = await api(`/api/v1/dnc?${query}`, { key: team.readKey });
      expect(response.status).toBe(400);
      expect(response.body.error).toMatch(/^invalid_(pagination|query)$/);
    },
  );

  it.each(["..%2F..%2Fetc%2Fpasswd", "dnc_abc%00", "dnc_%27%20OR%201%3D1", "%E2%80%AE", "dnc_" + "a".repeat(500)])(
    "DELETE /dnc/%s → 404 dnc_not_found",
    async (id) => {
      const team = await createTestTeam();
      const response = await api(`/api/v1/dnc/${id}`, { method: "DELETE", key: team.writeKey });
      expect(response.body).toEqual({ error: "dnc_not_found", message: "DNC entry not found" });
    },
  );

  it("a DELETE with a malformed JSON body or a form-encoded one is refused and deletes nothing", async () => {
    const team = await createTestTeam();
    const entry = (await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: "in/delete-body" } })).body.data;
    const malformed = await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey, body: "{reason" });
    expect(malformed.body.error).toBe("invalid_json");
    const formEncoded = await api(`/api/v1/dnc/${entry.$id}`, {
      method: "DELETE",
      key: team.writeKey,
      body: "reason=x",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(formEncoded.body.error).toBe("invalid_json");
    expect(await storedCount(team.id)).toBe(1);
  });
});
