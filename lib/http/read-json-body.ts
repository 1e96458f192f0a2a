import "server-only";
import { AppError } from "@/lib/errors";

/** Next.js does not cap route-handler bodies, so the app does: nothing larger is read into memory. */
export const MAX_BODY_BYTES = 1024 * 1024;

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Reads a JSON body of at most 1 MiB. Returns undefined for an empty body when `optional`.
 * `anyContentType` reads it as JSON whatever its Content-Type: for API keys, whose clients
 * (`curl -d` sends form encoding) cannot be forged by a browser; a cookie session keeps the 415,
 * which is part of its CSRF defence.
 * Errors: 413 `payload_too_large`, 415 `unsupported_media_type`, 400 `invalid_json`.
 */
export async function readJsonBody(request: Request, options: { optional?: boolean; anyContentType?: boolean } = {}): Promise<unknown> {
  const declaredLength = Number(request.headers.get("content-length") ?? 0);
  if (declaredLength > MAX_BODY_BYTES) throw new AppError("payload_too_large");

  const text = await readCappedText(request);
  if (text.trim() === "" && options.optional) return undefined;
  if (!options.anyContentType && !JSON_CONTENT_TYPE.test(request.headers.get("content-type") ?? "")) {
    throw new AppError("unsupported_media_type");
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_json");
  }
}

async function readCappedText(request: Request): Promise<string> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read().catch(() => {
      throw new AppError("request_aborted");
    });
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("payload_too_large");
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}
