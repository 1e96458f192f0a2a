import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-route";
import { requestIdOf } from "@/lib/http/request-id";
import { observed } from "@/lib/observability/observe-request";

// Any other /api/v1 path: answer in the API's envelope rather than with an HTML page.
function notFound(request: Request) {
  const startedAt = performance.now();
  const requestId = requestIdOf(request);
  return observed(errorResponse(new AppError("not_found", "No such API route"), requestId), {
    requestId,
    route: "(unmatched)",
    method: request.method,
    startedAt,
  });
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
