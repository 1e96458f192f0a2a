import type { DncEntryDto, MatchedBy } from "@/lib/dnc/schemas";

/**
 * What is cached per team: check answers (the entry, or null for "not on the list", and which of its
 * identifiers matched when it has aliases), list totals and list pages.
 */
export type CachedCheck = { entry: DncEntryDto | null; matchedBy?: MatchedBy };
export type CachedPage = { entries: DncEntryDto[]; total: number };

/**
 * A lookup returns the cached value, if any, and the key to store a fresh one under. The key
 * carries the team's generation as it was *before* the database read, so an answer read before an
 * invalidation is stored where no later lookup looks. A null key means "do not store".
 */
export type Lookup<Value> = { value?: Value; key: string | null };

/** `field` names the answer within the team: `check:<url>`, `total:<search>`, `page:<query>`. */
export type TeamCache = {
  lookup<Value>(teamId: string, field: string): Promise<Lookup<Value>>;
  /** Many fields of one team at one generation, in one round trip. */
  lookupMany<Value>(teamId: string, fields: string[]): Promise<Lookup<Value>[]>;
  store(key: string | null, value: unknown): Promise<void>;
  storeMany(entries: [key: string | null, value: unknown][]): Promise<void>;
  /** Drops every answer of the team, on every instance that shares the cache. */
  invalidateTeam(teamId: string): Promise<void>;
};

/** A list page weighs its entries, so the cache's bound is on entries held, not on answers. */
export const cacheWeight = (value: unknown) => ((value as Partial<CachedPage>)?.entries?.length ?? 0) + 1;
