import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { newRequestId } from "@/lib/ids";

// Any other /api/v1 path: answer in the API's envelope rather than with an HTML page.
function notFound() {
  return errorResponse(new AppError("not_found", "No such API route"), newRequestId());
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
