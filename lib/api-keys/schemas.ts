import { z } from "zod";
import { clientIdSchema } from "@/lib/clients/schemas";

export const createApiKeyBodySchema = z.object({
  name: z.string().trim().min(1).max(100).describe("A label people recognise, e.g. the tool that uses the key"),
  scope: z.enum(["read", "write"]).describe("read: list and check; write: also add and remove"),
  clientId: clientIdSchema
    .nullable()
    .optional()
    .describe(
      "Extension: bind the key to one of the team's agency clients: it adds to that client's list, reads the global list plus that client's, and never manages clients (absent or null: a team-wide key)",
    ),
});

export const apiKeyIdSchema = z.string().regex(/^key_[A-Za-z0-9]{1,64}$/);

export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(["read", "write"]),
  prefix: z.string().describe("The first characters of the key, to tell keys apart"),
  clientId: z.string().nullable().describe("Extension: the agency client the key is bound to; null for a team-wide key"),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable().describe("Kept to the minute"),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiKey = z.output<typeof apiKeySchema>;

export const listApiKeysResultSchema = z.object({ keys: z.array(apiKeySchema) });
export type ListApiKeysResult = z.output<typeof listApiKeysResultSchema>;

export const createdApiKeySchema = apiKeySchema
  .pick({ id: true, name: true, scope: true, prefix: true, clientId: true, createdAt: true })
  .extend({ key: z.string().describe("The secret: shown in this response only, stored as a SHA-256 hash") });
export type CreatedApiKey = z.output<typeof createdApiKeySchema>;
