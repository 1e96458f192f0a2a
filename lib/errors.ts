/** Every error the API can answer with: code → HTTP status and default message (Kakiyo's where it has one). */
export const API_ERRORS = {
  unauthorized: [401, "Invalid or missing API key"],
  forbidden: [403, "Your role or API key scope does not allow this action"],
  unauthorized_dnc: [403, "You do not have access to this DNC entry"],
  dnc_not_found: [404, "DNC entry not found"],
  not_found: [404, "Not found"],
  method_not_allowed: [405, "Method not allowed"],
  dnc_exists: [409, "This URL is already on the Do Not Contact list"],
  invalid_path: [400, "The request path is not valid percent-encoded UTF-8"],
  invalid_callback_url: [400, "callbackUrl must be a path or an http(s) URL"],
  request_aborted: [400, "The request body was not received completely"],
  invalid_json: [400, "Request body is not valid JSON"],
  invalid_body: [400, "Request body must be a JSON object"],
  missing_url: [400, "The url parameter is required"],
  invalid_url: [400, "The url is not a LinkedIn profile URL"],
  invalid_pagination: [400, "limit must be an integer from 1 to 1000 and offset an integer of 0 or more"],
  invalid_query: [400, "Invalid query parameters"],
  invalid_api_key_fields: [400, "name must be 1–100 characters and scope read or write"],
  invalid_reason: [400, "reason must be a string of at most 500 characters"],
  invalid_note: [400, "note must be a string of at most 500 characters"],
  missing_entries: [400, "The entries field is required"],
  empty_entries: [400, "entries must contain at least one item"],
  invalid_entries: [400, "entries must be an array of objects with a string url"],
  too_many_entries: [400, "entries may contain at most 1000 items"],
  payload_too_large: [413, "Request body exceeds 1 MiB"],
  unsupported_media_type: [415, "Content-Type must be application/json"],
  rate_limit_exceeded: [429, "Too many requests. Please try again later."],
  internal_error: [500, "An internal error occurred"],
  service_unavailable: [503, "Service temporarily unavailable"],
} as const satisfies Record<string, readonly [number, string]>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Thrown by domain and HTTP code; the route wrapper turns it into the `{error, message}` envelope. */
export class ApiError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? API_ERRORS[code][1]);
    this.name = "ApiError";
    this.status = API_ERRORS[code][0];
  }
}
