/**
 * Every error the domain and infrastructure can raise, by code, with its default message (Kakiyo's
 * where it has one). Transport-neutral: only the HTTP layer (lib/http/error-status.ts) knows statuses.
 */
export const ERROR_MESSAGES = {
  unauthorized: "Invalid or missing API key",
  forbidden: "Your role or API key scope does not allow this action",
  unauthorized_dnc: "You do not have access to this DNC entry",
  dnc_not_found: "DNC entry not found",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  dnc_exists: "This URL is already on the Do Not Contact list",
  alias_not_found: "This entry has no such alias",
  alias_not_allowed: "Only a person's entry has aliases: a company or domain entry is one identifier",
  too_many_aliases: "An entry has at most 20 aliases",
  protected_entry: "This entry is a complaint or a legal demand: only an owner can remove it or change its category, in the dashboard",
  reason_required: "Removing a protected entry (a complaint or a legal demand) needs a reason",
  invalid_category: "category must be one of opt_out, complaint, legal, customer, competitor, other",
  invalid_received_at: "receivedAt must be an ISO 8601 date or date-time, not in the future",
  invalid_team_settings: "optOutWindowDays must be an integer from 1 to 365",
  client_not_found: "No such client in this team",
  client_exists: "The team already has a client of this name",
  client_has_entries: "This client still has entries: say where they go (moveEntriesTo: another client's id, or global)",
  client_has_keys: "API keys are bound to this client: revoke them first",
  invalid_client: "clientId (and client) must be a client's id (cli_…), or global where a list is named",
  invalid_client_fields: "name must be 1–100 characters",
  invalid_path: "The request path is not valid percent-encoded UTF-8",
  invalid_callback_url: "callbackUrl must be a path or an http(s) URL",
  request_aborted: "The request body was not received completely",
  invalid_json: "Request body is not valid JSON",
  invalid_body: "Request body must be a JSON object",
  missing_url: "The url parameter is required",
  invalid_url: "The url is not a LinkedIn profile URL",
  missing_domain: "A domain entry needs its domain",
  invalid_domain: "The domain is not an internet domain (e.g. acme.com)",
  invalid_company: "The company is not a LinkedIn company page, id or slug",
  invalid_email: "The email is not an e-mail address",
  invalid_pagination: "limit must be an integer from 1 to 1000 and offset an integer of 0 or more",
  invalid_query: "Invalid query parameters",
  invalid_api_key_fields: "name must be 1–100 characters and scope read or write",
  invalid_reason: "reason must be a string of at most 500 characters",
  invalid_note: "note must be a string of at most 500 characters",
  invalid_expires_at: "expiresAt must be an ISO 8601 date-time with a zone (or a date) in the future, or null to clear it",
  invalid_update: "Send at least one of expiresAt, note and category",
  missing_entries: "The entries field is required",
  empty_entries: "entries must contain at least one item",
  invalid_entries: "entries must be an array of objects with a string url",
  too_many_entries: "entries may contain at most 1000 items",
  invalid_cursor: "cursor is not one this feed gave this team",
  cursor_expired: "This cursor is too old: read the whole list again, then follow the feed from its nextCursor",
  missing_urls: "The urls field is required",
  empty_urls: "urls must contain at least one URL",
  invalid_urls: "urls must be an array of strings",
  too_many_urls: "urls may contain at most 1000 items",
  invalid_import_file: "importFile must be a file name of 1–255 characters",
  payload_too_large: "Request body exceeds 1 MiB",
  unsupported_media_type: "Content-Type must be application/json",
  weak_password: "The password is too weak",
  wrong_password: "The current password is not correct",
  too_many_attempts: "Too many password attempts: wait before trying again",
  member_not_found: "No such member in this team",
  last_owner: "A team needs at least one owner: make someone else an owner first",
  already_member: "This person is already a member of the team",
  invalid_member_fields: "role must be owner, admin or viewer",
  invalid_invitation_fields: "email must be an email address and role owner, admin or viewer",
  invitation_not_found: "No pending invitation with this id in the team",
  invitation_invalid: "This invitation link is not valid",
  sign_in_required: "An account with this email exists: sign in to accept the invitation",
  wrong_account: "This invitation is for another email address: sign in with that one",
  invalid_webhook_url: "url must be an http(s) URL whose host resolves to public addresses only",
  invalid_webhook_fields:
    "events must be a non-empty list of dnc.added, dnc.deleted, dnc.restored, dnc.alias_added, dnc.alias_removed, dnc.updated and dnc.expired, and enabled a boolean",
  webhook_not_found: "No webhook endpoint with this id in the team",
  delivery_not_found: "No delivery with this id for this endpoint",
  rate_limit_exceeded: "Too many requests. Please try again later.",
  internal_error: "An internal error occurred",
  service_unavailable: "Service temporarily unavailable",
} as const satisfies Record<string, string>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

/** Thrown by domain and infrastructure code; the API route wrapper turns it into the `{error, message}` envelope. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = "AppError";
  }
}
