import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, type TestTeam, uniqueProfileUrl } from "../support/fixtures";

let team: TestTeam;
/** Unique per run, so both engines' runs and reruns never collide. */
const tag = randomUUID().slice(0, 8);
const acme = `acme-${tag}.com`;
const exact = `exact-${tag}.org`;
const company = `acme-corp-${tag}`;

const add = (body: unknown) => api("/api/v1/dnc", { method: "POST", key: team.writeKey, body });
const check = (query: Record<string, string>) => api(`/api/v1/dnc/check?${new URLSearchParams(query)}`, { key: team.readKey });

beforeAll(async () => {
  team = await createTestTeam();
});

describe("company and domain entries", () => {
  it("a company page is added with {kind: 'company', url}, in one canonical form; another spelling of it is a duplicate; without the kind it is invalid_url, as in Kakiyo", async () => {
    const companyUrl = `https://www.linkedin.com/company/${company.toUpperCase()}/about/`;
    expect((await add({ url: companyUrl })).body.error).toBe("invalid_url");
    const added = await add({ kind: "company", url: companyUrl });
    expect(added.status).toBe(201);
    expect(added.body.data).toMatchObject({ url: `https://linkedin.com/company/${company}`, kind: "company" });
    expect((await add({ kind: "company", url: `linkedin.com/company/${company}` })).body.error).toBe("dnc_exists");
  });

  it("a domain is added with {kind: 'domain', domain, includeSubdomains}; bad or missing domains are clear 400s", async () => {
    const withSubdomains = await add({ kind: "domain", domain: `https://WWW.${acme}/pricing`, includeSubdomains: true });
    expect(withSubdomains.status).toBe(201);
    expect(withSubdomains.body.data).toMatchObject({ url: acme, kind: "domain", domain: acme, includeSubdomains: true });
    const exactOnly = await add({ kind: "domain", domain: exact });
    expect(exactOnly.body.data).toMatchObject({ domain: exact, includeSubdomains: false });

    for (const [body, error] of [
      [{ kind: "domain" }, "missing_domain"],
      [{ kind: "domain", domain: "localhost" }, "invalid_domain"],
      [{ kind: "domain", domain: "10.0.0.1" }, "invalid_domain"],
      [{ kind: "domain", domain: 42 }, "invalid_domain"],
      [{ kind: "planet", url: "https://linkedin.com/in/x" }, "invalid_body"],
      [{ kind: "company", url: "https://linkedin.com/in/jane" }, "invalid_url"],
      [{}, "missing_url"],
    ] as const) {
      const response = await add(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error, JSON.stringify(body)).toBe(error);
    }
  });

  it("a check with context matches by company or domain, never a domain that merely ends with the same letters", async () => {
    const person = uniqueProfileUrl("ctx");
    expect((await check({ url: person })).body.data).toEqual({ onList: false });
    expect((await check({ url: person, company })).body.data).toMatchObject({
      onList: true,
      matchedBy: "company",
      entry: { kind: "company" },
    });
    expect((await check({ url: person, company: `https://www.linkedin.com/company/${company}/` })).body.data.matchedBy).toBe("company");
    expect((await check({ url: person, domain: `mail.${acme}` })).body.data).toMatchObject({
      onList: true,
      matchedBy: "domain",
      entry: { domain: acme },
    });
    expect((await check({ url: person, email: `Jane.Doe@eu.mail.${acme.toUpperCase()}` })).body.data.matchedBy).toBe("domain");
    expect((await check({ url: person, domain: `not${acme}` })).body.data).toEqual({ onList: false });
    expect((await check({ url: person, domain: exact })).body.data.matchedBy).toBe("domain");
    expect((await check({ url: person, domain: `www.${exact}` })).body.data.matchedBy).toBe("domain");
    expect((await check({ url: person, domain: `sub.${exact}` })).body.data).toEqual({ onList: false });
    // Context alone is a check too.
    expect((await check({ email: `x@${acme}` })).body.data.onList).toBe(true);
  });

  it("the person's own entry wins over company and domain, and says it matched by url when context was sent", async () => {
    const person = uniqueProfileUrl("own");
    const own = await add({ url: person });
    const answer = (await check({ url: person, company, domain: acme })).body.data;
    expect(answer).toMatchObject({ onList: true, matchedBy: "url", entry: { $id: own.body.data.$id } });
    // Without context the answer is byte for byte what it always was.
    expect(Object.keys((await check({ url: person })).body.data).sort()).toEqual(["entry", "onList"]);
  });

  it("malformed context is a clear 400", async () => {
    for (const [query, error] of [
      [{ url: uniqueProfileUrl(), email: "not-an-email" }, "invalid_email"],
      [{ url: uniqueProfileUrl(), domain: "localhost" }, "invalid_domain"],
      [{ url: uniqueProfileUrl(), company: "acme corp" }, "invalid_company"],
      [{ company: "" }, "invalid_company"],
      [{}, "missing_url"],
    ] as const) {
      const response = await check(query);
      expect(response.status, JSON.stringify(query)).toBe(400);
      expect(response.body.error, JSON.stringify(query)).toBe(error);
    }
  });

  it("batch check takes strings and {url, company, domain, email} objects, one result each, in order", async () => {
    const person = uniqueProfileUrl("batch");
    const response = await api("/api/v1/dnc/check/batch", {
      method: "POST",
      key: team.readKey,
      body: {
        urls: [person, { url: person, email: `a@b.${acme}` }, { url: person, company: "acme corp" }, { domain: `other-${tag}.net` }],
      },
    });
    expect(response.status).toBe(200);
    const [plain, byDomain, bad, none] = response.body.data.results;
    expect(plain).toEqual({ url: person, normalizedUrl: expect.any(String), onList: false });
    expect(byDomain).toMatchObject({ onList: true, matchedBy: "domain" });
    expect(bad).toEqual({ url: person, error: "invalid_company" });
    expect(none).toMatchObject({ url: "", onList: false });
    expect(response.body.data.onList).toBe(1);
  });

  it("the list filters by kind; batch add takes company URLs and domain items; restore brings a domain entry back as it was", async () => {
    const batch = await api("/api/v1/dnc/batch", {
      method: "POST",
      key: team.writeKey,
      body: {
        entries: [
          { kind: "company", url: `https://linkedin.com/company/batch-${tag}` },
          { kind: "domain", domain: `batch-${tag}.io`, includeSubdomains: true },
          { kind: "domain" },
        ],
      },
    });
    expect(batch.status).toBe(201);
    expect(batch.body.data.details.map((d: { status: string; error?: string }) => d.error ?? d.status)).toEqual([
      "added",
      "added",
      "missing_domain",
    ]);

    const domains = await api("/api/v1/dnc?kind=domain&limit=1000", { key: team.readKey });
    expect(domains.body.data.entries.map((e: { url: string }) => e.url).sort()).toEqual([acme, `batch-${tag}.io`, exact].sort());
    const companies = await api("/api/v1/dnc?kind=company", { key: team.readKey });
    expect(companies.body.data.total).toBe(2);

    const entry = domains.body.data.entries.find((e: { url: string }) => e.url === `batch-${tag}.io`);
    expect((await api(`/api/v1/dnc/${entry.$id}`, { method: "DELETE", key: team.writeKey })).status).toBe(200);
    expect((await check({ domain: `x.batch-${tag}.io` })).body.data.onList).toBe(false);
    const restored = await api(`/api/v1/dnc/${entry.$id}/restore`, { method: "POST", key: team.writeKey });
    expect(restored.body.data).toMatchObject({ kind: "domain", domain: `batch-${tag}.io`, includeSubdomains: true });
    expect((await check({ domain: `x.batch-${tag}.io` })).body.data.onList).toBe(true);

    // Its history is read by its domain, as the dashboard's History does.
    const history = await api(`/api/v1/audit?url=${encodeURIComponent(`batch-${tag}.io`)}&order=asc`, { key: team.readKey });
    expect(history.body.data.events.map((event: { action: string }) => event.action)).toEqual([
      "dnc.batch_added",
      "dnc.deleted",
      "dnc.restored",
    ]);
  });
});
