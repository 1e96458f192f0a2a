import { z } from "zod";

/** A client's id as it appears in paths, bodies and query strings. */
export const clientIdSchema = z.string().regex(/^cli_[A-Za-z0-9]{1,64}$/);

/** What `client=` (list, check, feed) and `moveEntriesTo=` accept: a client's id, or `global` for the team's global list. */
export const GLOBAL_LIST = "global";
export const clientOrGlobalSchema = z.union([clientIdSchema, z.literal(GLOBAL_LIST)]);

export const clientNameSchema = z.string().trim().min(1).max(100).describe("The client's name, unique in the team");

export const clientSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().describe("Who created it: a user's email, or key:<prefix>"),
  entries: z.number().int().describe("How many entries are on the client's list now"),
});
export type Client = z.output<typeof clientSchema>;

export const listClientsResultSchema = z.object({ clients: z.array(clientSchema) });
export type ListClientsResult = z.output<typeof listClientsResultSchema>;

export const createClientBodySchema = z.object({ name: clientNameSchema });
export const updateClientBodySchema = z.object({ name: clientNameSchema });

export const deleteClientQuerySchema = z.object({
  moveEntriesTo: clientOrGlobalSchema
    .optional()
    .describe(
      "Where the client's entries go (another client's id, or global); without it a client that still has entries is refused with 409 client_has_entries",
    ),
});

export const deleteClientResultSchema = z.object({
  message: z.literal("Client deleted"),
  moved: z.number().int().describe("Entries moved to moveEntriesTo (0 without it)"),
});
