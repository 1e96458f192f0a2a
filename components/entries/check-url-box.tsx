"use client";

import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { apiFetch, errorMessage } from "@/lib/api-client/api-fetch";
import type { DncEntryDto } from "@/lib/dnc/schemas";
import { formatDate } from "./columns";

type CheckResult = { onList: true; entry: DncEntryDto } | { onList: false };

/** The question campaign tools ask, answered for a person: is this profile on the list? */
export function CheckUrlBox({ team }: { team: string }) {
  const [url, setUrl] = useState("");
  const [answer, setAnswer] = useState<{ tone: string; text: string } | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    try {
      const result = await apiFetch<CheckResult>(`/api/v1/dnc/check?${new URLSearchParams({ url })}`, { team });
      setAnswer(
        result.onList
          ? { tone: "text-red-700", text: `On the list: ${result.entry.url} (added ${formatDate(result.entry.$createdAt)}). Do not contact.` }
          : { tone: "text-emerald-700", text: "Not on the list." },
      );
    } catch (error) {
      setAnswer({ tone: "text-red-700", text: errorMessage(error) });
    }
  }

  return (
    <form onSubmit={onSubmit} role="search" aria-label="URL check" className="mb-6 rounded-lg border border-zinc-200 bg-white p-4 shadow-sm">
      <label htmlFor="check-url" className="text-sm font-medium text-zinc-800">
        Check a URL
      </label>
      <div className="mt-1.5 flex gap-2">
        <Input id="check-url" value={url} onChange={(event) => setUrl(event.target.value)} placeholder="linkedin.com/in/someone" required className="max-w-lg" />
        <Button type="submit">Check</Button>
      </div>
      <p aria-live="polite" className={`mt-2 min-h-5 text-sm ${answer?.tone ?? ""}`}>
        {answer?.text}
      </p>
    </form>
  );
}
