import "server-only";
import type { z } from "zod";
import type { Caller } from "@/lib/auth/caller";
import type { ApiContract, ContractData } from "@/lib/contracts/define-contract";

type SchemaOutput<Part> = Part extends { schema: infer Schema extends z.ZodType } ? z.output<Schema> : undefined;
/** The validated body: undefined only where the contract lets it be empty. */
type BodyOf<Contract extends ApiContract> = Contract["body"] extends { optional: true }
  ? SchemaOutput<Contract["body"]> | undefined
  : SchemaOutput<Contract["body"]>;

type Implementation<Contract extends ApiContract, Authorized> = {
  /**
   * The rules beyond the contract's `permission` that can refuse this caller with 403 (only themselves, never an owner,
   * another team's entry), given the validated input. They run before the rate limit, so a refused
   * request spends none of the team's budget; the domain function calls the same rule. What it
   * returns is handed to `handle` as `authorized`, so what it read need not be read again.
   */
  authorize?: (input: { caller: Caller; id: string; childId: string; body: BodyOf<Contract> }) => Promise<Authorized>;
  handle: (input: {
    request: Request;
    caller: Caller;
    requestId: string;
    id: string;
    childId: string;
    query: SchemaOutput<Contract["query"]>;
    body: BodyOf<Contract>;
    /** What `authorize` returned; undefined for a route without one. */
    authorized: Authorized | undefined;
  }) => Promise<ContractData<Contract>>;
};

/** A contract with its server side, its types erased: what the route wrapper (lib/http/api-route.ts) serves. */
export type RouteDefinition = Omit<ApiContract, "success"> & {
  success: Omit<ApiContract["success"], "message"> & { message?: string | ((data: unknown) => string) };
  authorize?: (input: { caller: Caller; id: string; childId: string; body: unknown }) => Promise<unknown>;
  handle: (input: {
    request: Request;
    caller: Caller;
    requestId: string;
    id: string;
    childId: string;
    query: unknown;
    body: unknown;
    authorized: unknown;
  }) => Promise<unknown>;
};

/** The contract's handler, typed by its schemas: the input it validated and the data it promises. */
export function defineRoute<Contract extends ApiContract, Authorized = unknown>(
  contract: Contract,
  implementation: Implementation<Contract, Authorized>,
) {
  return { ...contract, ...implementation } as unknown as RouteDefinition;
}
