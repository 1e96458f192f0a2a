import { z } from "zod";

export const MAX_OPT_OUT_WINDOW_DAYS = 365;

export const teamSettingsSchema = z.object({
  optOutWindowDays: z
    .number()
    .int()
    .min(1)
    .max(MAX_OPT_OUT_WINDOW_DAYS)
    .describe(
      "Honour opt-outs within this many days (default 10): an entry added later than its receivedAt plus this is late. A change applies to entries added from then on",
    ),
});
export type TeamSettings = z.output<typeof teamSettingsSchema>;
