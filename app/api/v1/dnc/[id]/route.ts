import { deleteEntry } from "@/lib/dnc/delete-entry";
import { parseDeleteReason } from "@/lib/dnc/parse-requests";
import { apiRoute, methodNotAllowed, ok } from "@/lib/http/api-route";

// DELETE /api/v1/dnc/{id} - remove one entry (optional reason in a JSON body or the query)
export const DELETE = apiRoute<{ id: string }>(
  { bucket: "write", access: "write" },
  async ({ request, caller, params, requestId }) => {
    const reason = await parseDeleteReason(request);
    await deleteEntry({ caller, id: params.id, reason, requestId });
    return ok({ message: "DNC entry deleted successfully" });
  },
);

export const GET = methodNotAllowed("DELETE");
export const POST = methodNotAllowed("DELETE");
export const PUT = methodNotAllowed("DELETE");
export const PATCH = methodNotAllowed("DELETE");
