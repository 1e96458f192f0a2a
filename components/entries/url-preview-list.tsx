import { formatNumber } from "@/lib/format";

const PREVIEW_COUNT = 5;

/** The first few URLs a confirmation is about, and how many more there are. */
export function UrlPreviewList({ label, urls, count }: { label: string; urls: string[]; count: number }) {
  return (
    <ul className="mt-3 max-h-40 space-y-1 overflow-auto rounded-md bg-zinc-50 p-3 font-mono text-[13px] text-zinc-800" aria-label={label}>
      {urls.slice(0, PREVIEW_COUNT).map((url) => (
        <li key={url} className="truncate">
          {url}
        </li>
      ))}
      {count > PREVIEW_COUNT ? <li className="font-sans text-zinc-500">and {formatNumber(count - PREVIEW_COUNT)} more</li> : null}
    </ul>
  );
}
