import { z } from "zod";

export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1).max(100).describe("A label people recognise, e.g. the tool that uses the key"),
  scope: z.enum(["read", "write"]).describe("read: list and check; write: also add and remove"),
});

export const apiKeyIdSchema = z.string().regex(/^key_[A-Za-z0-9]{1,64}$/);
