import { inject } from "vitest";

export type ApiResponse = { status: number; headers: Headers; body: any };

export type ApiRequest = {
  method?: string;
  key?: string;
  /** A value to send as JSON, or a raw string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
  baseUrl?: string;
};

/** One HTTP request to the running production server; the body is parsed as JSON when it is JSON. */
export async function api(pathAndQuery: string, request: ApiRequest = {}): Promise<ApiResponse> {
  const headers: Record<string, string> = { ...request.headers };
  if (request.key) headers.authorization = `Bearer ${request.key}`;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = typeof request.body === "string" ? request.body : JSON.stringify(request.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${request.baseUrl ?? inject("baseUrl")}${pathAndQuery}`, {
    method: request.method ?? "GET",
    headers,
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON: keep the text so the assertion shows it
  }
  return { status: response.status, headers: response.headers, body: parsed };
}
