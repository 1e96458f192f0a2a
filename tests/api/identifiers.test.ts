import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, type TestTeam } from "../support/fixtures";

/** Ids shaped like LinkedIn's, unique per run: base64url keeps upper and lower case. */
const opaque = (prefix: string) => prefix + randomBytes(24).toString("base64url");

let team: TestTeam;

beforeAll(async () => {
  team = await createTestTeam();
});

const add = (url: string) => api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url } });
const check = (url: string) => api(`/api/v1/dnc/check?url=${encodeURIComponent(url)}`, { key: team.readKey });

describe("identifiers beyond /in/<slug>", () => {
  it("a member id keeps its case: ids differing only in case are two people, and the fsd_profile URN names the same one", async () => {
    const id = opaque("ACoAA");
    const first = await add(`https://www.linkedin.com/in/${id}/`);
    expect(first.status).toBe(201);
    expect(first.body.data.url).toBe(`https://linkedin.com/in/${id}`);

    expect((await check(`urn:li:fsd_profile:${id}`)).body.data).toMatchObject({ onList: true, entry: { $id: first.body.data.$id } });
    const flipped =
      id.slice(0, 5) +
      id
        .slice(5)
        .replace(/[a-z]/, (c) => c.toUpperCase())
        .replace(/[A-Z](?=[^A-Z]*$)/, (c) => c.toLowerCase());
    expect(flipped).not.toBe(id);
    expect((await check(`https://linkedin.com/in/${flipped}`)).body.data.onList).toBe(false);
    expect((await add(`in/${flipped}`)).status).toBe(201);
  });

  it("an entry stored before member ids kept their case (lower-cased) still answers a check by the id", async () => {
    const id = opaque("ACoAA");
    // Stored as the lower-cased slug it was then: entered in lower case, it is a vanity slug.
    const stored = await add(`https://linkedin.com/in/${id.toLowerCase()}`);
    expect(stored.body.data.url).toBe(`https://linkedin.com/in/${id.toLowerCase()}`);
    expect((await check(`https://linkedin.com/in/${id}`)).body.data).toMatchObject({ onList: true, entry: { $id: stored.body.data.$id } });
    const batch = await api("/api/v1/dnc/check/batch", { method: "POST", key: team.readKey, body: { urls: [`urn:li:fsd_profile:${id}`] } });
    expect(batch.status).toBe(200);
    expect(batch.body.data.results[0]).toMatchObject({ onList: true, entry: { $id: stored.body.data.$id } });
    // Adding the id in its own case is the same person: refused, naming the stored entry, never a second entry.
    const again = await add(`https://linkedin.com/in/${id}`);
    expect(again.status).toBe(409);
    expect(again.body.heldBy).toEqual({ $id: stored.body.data.$id, url: stored.body.data.url });
    const batchAdd = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: `urn:li:fsd_profile:${id}` }] },
    });
    expect(batchAdd.body.data.details[0]).toMatchObject({ status: "duplicate", $id: stored.body.data.$id });
  });

  it("Sales Navigator leads and people are one canonical form, from the id before the first comma", async () => {
    const id = opaque("ACwAA");
    const added = await add(`https://www.linkedin.com/sales/lead/${id},NAME_SEARCH,x1Yz?_ntb=abc`);
    expect(added.status).toBe(201);
    expect(added.body.data.url).toBe(`https://linkedin.com/sales/lead/${id}`);
    expect((await check(`https://www.linkedin.com/sales/people/${id},OUT_OF_NETWORK,q`)).body.data).toMatchObject({ onList: true });
    expect((await add(`linkedin.com/sales/people/${id}`)).status).toBe(409);
  });

  it("Recruiter profiles and member URNs are accepted in add, batch add, check and batch check", async () => {
    const recruiter = `https://www.linkedin.com/talent/profile/${opaque("AEMAA")}?project=42`;
    const member = `urn:li:member:${Date.now()}${Math.floor(Math.random() * 1000)}`;
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: { entries: [{ url: recruiter }, { url: member }] },
    });
    expect(batch.status).toBe(201);
    expect(batch.body.data.added).toBe(2);
    const checked = await api("/api/v1/dnc/check/batch", {
      method: "POST",
      key: team.readKey,
      body: { urls: [recruiter, member, "https://www.linkedin.com/sales/search/people"] },
    });
    expect(checked.body.data.results.map((r: { onList?: boolean; error?: string }) => r.onList ?? r.error)).toEqual([
      true,
      true,
      "invalid_url",
    ]);
  });

  it("the list's search finds an id in any case, on both engines", async () => {
    const id = opaque("ACwAA");
    await add(`https://www.linkedin.com/sales/lead/${id},NAME_SEARCH,q`);
    for (const q of [id, id.toLowerCase(), id.slice(5, 20).toUpperCase()]) {
      const found = await api(`/api/v1/dnc?q=${encodeURIComponent(q)}`, { key: team.readKey });
      expect(
        found.body.data.entries.map((e: { url: string }) => e.url),
        q,
      ).toEqual([`https://linkedin.com/sales/lead/${id}`]);
    }
  });

  it("other LinkedIn paths stay invalid_url", async () => {
    for (const url of ["https://www.linkedin.com/feed/", "https://www.linkedin.com/sales/search/people?q=x", "urn:li:company:1"]) {
      const response = await add(url);
      expect(response.status).toBe(400);
      expect(response.body.error).toBe("invalid_url");
    }
  });
});
