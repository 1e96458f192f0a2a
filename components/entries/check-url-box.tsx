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

/** Why the entry shown answers the check, when it is not the URL typed itself. */
const MATCHED_BY_WORDS: Record<string, string> = {
  alias: "On the list (by alias): ",
  company: "On the list (everyone at this company): ",
  domain: "On the list (everyone at this domain): ",
};

/**
 * The question campaign tools ask, answered for a person: is this profile on the list, or, given
 * their company and e-mail or domain, their company or domain? With a History button when it is,
 * or when it is not but was.
 */
export function CheckUrlBox({ team, onHistory }: { team: string; onHistory: (url: string) => void }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState("");
  const [company, setCompany] = useState("");
  const [emailOrDomain, setEmailOrDomain] = useState("");
  const [answer, setAnswer] = useState<Answer | null>(null);
  const historyOf = answer?.historyOf;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const contact = emailOrDomain.trim();
      const query = {
        url,
        ...(company.trim() ? { company: company.trim() } : {}),
        ...(contact ? (contact.includes("@") ? { email: contact } : { domain: contact }) : {}),
      };
      const result = await callApi(dncContracts.checkEntry, { query, team });
      // A lookalike that is not on the list is worth a warning too: it may imitate a profile that is.
      const checked = normalizeLinkedInUrl(url);
      if (result.onList) {
        setAnswer({
          tone: "text-danger-text",
          content: (
            <>
              {/* By alias, company or domain: the URL shown is the entry's own, not the one typed, so say why they differ. */}
              {MATCHED_BY_WORDS[result.matchedBy ?? ""] ?? "On the list: "}
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
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer text-muted-foreground">Company and e-mail (optional)</summary>
        <div className="mt-2 flex flex-wrap gap-2">
          <Input
            aria-label="Company (LinkedIn page or slug)"
            value={company}
            onChange={(event) => setCompany(event.target.value)}
            placeholder="linkedin.com/company/acme"
            className="max-w-xs"
          />
          <Input
            aria-label="E-mail or domain"
            value={emailOrDomain}
            onChange={(event) => setEmailOrDomain(event.target.value)}
            placeholder="jane@acme.com"
            className="max-w-xs"
          />
        </div>
      </details>
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
