"use client";

import { type FormEvent, type ReactNode, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiFetch, errorMessage } from "@/lib/api-client/api-fetch";
import { normalizeLinkedInUrl } from "@/lib/dnc/normalize-linkedin-url";
import type { CheckResult } from "@/lib/dnc/schemas";
import { displayProfileUrl } from "@/lib/dnc/slug-display";
import { LookalikeWarnings, ProfileUrl } from "./profile-url";
import { formatDateTime } from "@/lib/format";

/** The question campaign tools ask, answered for a person: is this profile on the list? */
export function CheckUrlBox({ team }: { team: string }) {
  const [url, setUrl] = useState("");
  const [answer, setAnswer] = useState<{ tone: string; content: ReactNode } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await apiFetch<CheckResult>(`/api/v1/dnc/check?${new URLSearchParams({ url })}`, { team });
      // A lookalike that is not on the list is worth a warning too: it may imitate a profile that is.
      const checked = normalizeLinkedInUrl(url);
      setAnswer(
        result.onList
          ? {
              tone: "text-danger-text",
              content: (
                <>
                  On the list: <ProfileUrl url={result.entry.url} /> (added {formatDateTime(result.entry.$createdAt)}). Do not contact.
                </>
              ),
            }
          : {
              tone: "text-success-text",
              content: <>Not on the list. {checked ? <LookalikeWarnings shown={displayProfileUrl(checked)} /> : null}</>,
            },
      );
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
      <p aria-live="polite" data-testid="check-result" className={`mt-2 min-h-5 text-sm ${answer?.tone ?? ""}`}>
        {answer?.content}
      </p>
    </form>
  );
}
