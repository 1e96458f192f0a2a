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
  const method = request.method ?? "GET";
  const send = method === "GET" ? getWithRetry : fetch;
  const response = await send(`${request.baseUrl ?? inject("baseUrl")}${pathAndQuery}`, {
    method,
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

/**
 * A GET that survives a stale keep-alive socket: after a test blocks the event loop (a CLI run with
 * spawnSync), the pool may hand out a connection the server closed meanwhile, and the request fails
 * with "other side closed" before reaching the server. A GET changes nothing, so it is sent again.
 */
export async function getWithRetry(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (error) {
    if ((error as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw error;
    return fetch(url, init);
  }
}
