import "server-only";
import type { z } from "zod";
import { AppError, type ErrorCode } from "@/lib/errors";

type Issue = z.core.$ZodIssue;

/** Validates with the route's zod schema and turns the first problem into the API's error code for it. */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  codeFor: (issue: Issue) => ErrorCode,
): z.output<Schema> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw new AppError(codeFor(result.error.issues[0]!));
}

/** The query as an object: a parameter given once is a string, one repeated is the list of its values. */
export function searchParamsOf(request: Request): Record<string, string | string[]> {
  const params = new URL(request.url).searchParams;
  return Object.fromEntries(
    [...new Set(params.keys())].map((key) => {
      const values = params.getAll(key);
      return [key, values.length === 1 ? values[0]! : values];
    }),
  );
}
