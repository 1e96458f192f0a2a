import { refusedRequest } from "@/lib/http/api-route";

// Every method of /api/refused-request - where lib/http/request-guard.ts sends what Next cannot route
export {
  refusedRequest as GET,
  refusedRequest as POST,
  refusedRequest as PUT,
  refusedRequest as PATCH,
  refusedRequest as DELETE,
  refusedRequest as OPTIONS,
};
