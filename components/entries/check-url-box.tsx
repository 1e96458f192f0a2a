"use client";

import { useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { profileHistoryQuery } from "@/components/history/use-profile-history";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { callApi, errorMessage } from "@/components/api-client/call-api";
import { dncContracts } from "@/lib/contracts/dnc";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";
import { displayProfileUrl } from "@/lib/dnc/slug-display";
import { LookalikeWarnings, ProfileUrl } from "./profile-url";
import { formatDateTime } from "@/lib/format";

type Answer = { tone: string; content: ReactNode; historyOf?: string };

/**
 * The question campaign tools ask, answered for a person: is this profile on the list? With a
 * History button when it is, or when it is not but was.
 */
export function CheckUrlBox({ team, onHistory }: { team: string; onHistory: (url: string) => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const historyOf = answer?.historyOf;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await callApi(dncContracts.checkEntry, { query: { url }, team });
      // A lookalike that is not on the list is worth a warning too: it may imitate a profile that is.
      const checked = normalizeLinkedInUrl(url);
      if (result.onList) {
        setAnswer({
          tone: "text-danger-text",
          content: (
            <>
              {/* By alias: the URL shown is the entry's own, not the one typed, so say why they differ. */}
              {result.matchedBy === "alias" ? "On the list (by alias): " : "On the list: "}
              <ProfileUrl url={result.entry.url} /> (added {formatDateTime(result.entry.$createdAt)}). Do not contact.
            </>
          ),
          historyOf: result.entry.url,
        });
        return;
      }
      // The answer stands without the history: a history that cannot be read only hides the button.
      const history = checked ? await queryClient.fetchQuery(profileHistoryQuery(team, checked)).catch(() => null) : null;
      const hadHistory = checked !== null && (history?.total ?? 0) > 0;
      setAnswer({
        tone: "text-success-text",
        content: (
          <>
            Not on the list.{hadHistory ? " It was before." : null}{" "}
            {checked ? <LookalikeWarnings shown={displayProfileUrl(checked)} /> : null}
          </>
        ),
        historyOf: hadHistory ? checked : undefined,
      });
    } catch (error) {
      setAnswer({ tone: "text-danger-text", content: errorMessage(error) });
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      role="search"
      aria-label="URL check"
      className="mb-6 rounded-lg border border-border bg-surface p-4 shadow-sm"
    >
      <label htmlFor="check-url" className="text-sm font-medium text-foreground">
        Check a URL
      </label>
      <div className="mt-1.5 flex gap-2">
        <Input
          id="check-url"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          placeholder="linkedin.com/in/someone"
          required
          className="max-w-lg"
        />
        <Button type="submit">Check</Button>
      </div>
      <div className="mt-2 flex min-h-5 flex-wrap items-center gap-2">
        <p aria-live="polite" data-testid="check-result" className={`text-sm ${answer?.tone ?? ""}`}>
          {answer?.content}
        </p>
        {historyOf ? (
          <Button size="sm" variant="ghost" onClick={() => onHistory(historyOf)}>
            History
          </Button>
        ) : null}
      </div>
    </form>
  );
}
