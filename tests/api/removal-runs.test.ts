import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createTestTeam, type TestTeam, testDb, uniqueProfileUrl } from "../support/fixtures";

type Removed = { $id: string; url: string; removedAt: string; run: { size: number; firstRemovedAt: string; lastRemovedAt: string } };

async function addAndRemove(team: TestTeam, reason?: string): Promise<string> {
  const added = await api("/api/v1/dnc", { method: "POST", key: team.writeKey, body: { url: uniqueProfileUrl("run") } });
  expect(added.status).toBe(201);
  const removed = await api(`/api/v1/dnc/${added.body.data.$id}`, {
    method: "DELETE",
    key: team.writeKey,
    body: reason ? { reason } : undefined,
  });
  expect(removed.status).toBe(200);
  return added.body.data.$id;
}

async function listRemoved(team: TestTeam, query = ""): Promise<{ entries: Removed[]; total: number }> {
  const response = await api(`/api/v1/dnc/removed${query}`, { key: team.readKey });
  expect(response.status).toBe(200);
  return response.body.data;
}

/** Moves a removal back in time, as if it had happened `ms` earlier: a run's gaps without waiting minutes. */
async function removedEarlier(id: string, ms: number) {
  const db = await testDb();
  const row = await db.removedEntry.findUniqueOrThrow({ where: { id } });
  await db.removedEntry.update({ where: { id }, data: { removedAt: new Date(row.removedAt.getTime() - ms) } });
}

const MINUTE = 60_000;

describe("runs of removals (one bulk delete, restorable as a whole)", () => {
  let team: TestTeam;
  let cleanup: string[];
  let typo: string[];
  let noReason: string[];
  let earlier: string[];

  beforeAll(async () => {
    team = await createTestTeam();
    // Oldest first: a cleanup run 30 minutes ago (two removals 90 s apart, the gap a paced run can have),
    // then a run of the same reason now, interleaved with another reason's removals and some without one.
    earlier = [await addAndRemove(team, "cleanup"), await addAndRemove(team, "cleanup")];
    await removedEarlier(earlier[0]!, 30 * MINUTE + 90_000);
    await removedEarlier(earlier[1]!, 30 * MINUTE);
    cleanup = [];
    typo = [];
    noReason = [];
    for (let i = 0; i < 3; i += 1) {
      cleanup.push(await addAndRemove(team, "cleanup"));
      typo.push(await addAndRemove(team, "typo"));
      noReason.push(await addAndRemove(team));
    }
  });

  it("each removed entry carries its run: same remover and reason, gaps of at most 2 minutes", async () => {
    const { entries, total } = await listRemoved(team, "?limit=100");
    expect(total).toBe(11);
    const runSize = (id: string) => entries.find((entry) => entry.$id === id)!.run.size;
    expect(cleanup.map(runSize)).toEqual([3, 3, 3]);
    expect(typo.map(runSize)).toEqual([3, 3, 3]);
    expect(noReason.map(runSize)).toEqual([3, 3, 3]);
    expect(earlier.map(runSize)).toEqual([2, 2]);
    const removedAt = (id: string) => entries.find((entry) => entry.$id === id)!.removedAt;
    expect(entries.find((entry) => entry.$id === cleanup[1])!.run).toMatchObject({
      firstRemovedAt: removedAt(cleanup[0]!),
      lastRemovedAt: removedAt(cleanup[2]!),
    });
  });

  it("run=<id> lists that run alone, with q, and pages, and nothing for an id that is not a removed entry", async () => {
    const run = await listRemoved(team, `?run=${cleanup[1]}&limit=2`);
    expect(run.total).toBe(3);
    expect(run.entries.map((entry) => entry.$id)).toEqual([cleanup[2], cleanup[1]]);
    const rest = await listRemoved(team, `?run=${cleanup[1]}&limit=2&offset=2`);
    expect(rest.entries.map((entry) => entry.$id)).toEqual([cleanup[0]]);
    expect((await listRemoved(team, `?run=${noReason[0]}`)).entries.map((entry) => entry.$id).sort()).toEqual([...noReason].sort());
    expect((await listRemoved(team, `?run=${earlier[0]}`)).entries.map((entry) => entry.$id).sort()).toEqual([...earlier].sort());
    expect((await listRemoved(team, `?run=${typo[0]}&q=no-such-slug`)).total).toBe(0);
    expect(await listRemoved(team, "?run=dnc_doesnotexist")).toMatchObject({ entries: [], total: 0 });

    const other = await createTestTeam();
    expect((await api(`/api/v1/dnc/removed?run=${cleanup[0]}`, { key: other.readKey })).body.data).toMatchObject({ entries: [], total: 0 });
  });

  it("a restored entry leaves its run but still names it; a malformed run is a clear 400", async () => {
    const restored = await api(`/api/v1/dnc/${typo[1]}/restore`, { method: "POST", key: team.writeKey, body: {} });
    expect(restored.status).toBe(201);
    // The two left are still one run: the gap between them is seconds.
    const run = await listRemoved(team, `?run=${typo[0]}`);
    expect(run.entries.map((entry) => [entry.$id, entry.run.size])).toEqual([
      [typo[2], 2],
      [typo[0], 2],
    ]);

    // The entry a run was named by, restored too: the name still shows what is left of its run.
    expect((await api(`/api/v1/dnc/${typo[0]}/restore`, { method: "POST", key: team.writeKey, body: {} })).status).toBe(201);
    expect((await listRemoved(team, `?run=${typo[0]}`)).entries.map((entry) => entry.$id)).toEqual([typo[2]]);
    expect((await listRemoved(team, `?run=${typo[2]}`)).entries.map((entry) => entry.$id)).toEqual([typo[2]]);

    const malformed = await api("/api/v1/dnc/removed?run=not-an-id", { key: team.readKey });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toBe("invalid_query");
  });
});
