import { expectTypeOf, it } from "vitest";
import { type ApiCall, callApi } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { webhookContracts } from "@/lib/contracts/webhooks";
import type { DncEntryDto, ListEntriesResult, RestoreResult } from "@/lib/dnc/schemas";

// Checked by the type checker (npx tsc --noEmit); the calls are never made.
it("types each call by its contract: parameters from the path, query and body from the schemas, the answer's data", () => {
  expectTypeOf<ReturnType<typeof callApi<typeof dncContracts.listEntries>>>().resolves.toEqualTypeOf<ListEntriesResult>();
  expectTypeOf<ReturnType<typeof callApi<typeof dncContracts.restoreEntry>>>().resolves.toEqualTypeOf<RestoreResult>();
  expectTypeOf<ReturnType<typeof callApi<typeof dncContracts.addAlias>>>().resolves.toEqualTypeOf<DncEntryDto>();
  expectTypeOf<ApiCall<typeof dncContracts.removeAlias>["params"]>().toEqualTypeOf<Record<"id", string> & Record<"url", string>>();
  expectTypeOf<ApiCall<typeof webhookContracts.resendDelivery>["params"]>().toEqualTypeOf<
    Record<"id", string> & Record<"deliveryId", string>
  >();

  const never = () => {
    // @ts-expect-error -- the path has {id}: a call without it does not compile
    void callApi(dncContracts.deleteEntry, { team: "acme" });
    // @ts-expect-error -- the check's url is text (a check may send only company, domain or email, so it is optional)
    void callApi(dncContracts.checkEntry, { team: "acme", query: { url: 42 } });
    // @ts-expect-error -- a query parameter the list does not take
    void callApi(dncContracts.listEntries, { team: "acme", query: { colour: "red" } });
    // @ts-expect-error -- an add needs a body with a url
    void callApi(dncContracts.addEntry, { team: "acme" });
    // A removal's reason is optional: no body at all is fine.
    void callApi(dncContracts.deleteEntry, { team: "acme", params: { id: "dnc_1" } });
  };
  expectTypeOf(never).toBeFunction();
});
