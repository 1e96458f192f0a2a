import { formatNumber } from "@/lib/format";

const PREVIEW_COUNT = 5;

/** The first few URLs a confirmation is about, and how many more there are: at most six lines, so no scrolling box. */
export function UrlPreviewList({ label, urls, count }: { label: string; urls: string[]; count: number }) {
  return (
    <ul className="mt-3 space-y-1 rounded-md bg-subtle p-3 font-mono text-[13px] text-foreground" aria-label={label}>
      {urls.slice(0, PREVIEW_COUNT).map((url) => (
        <li key={url} className="truncate">
          {url}
        </li>
      ))}
      {count > PREVIEW_COUNT ? <li className="font-sans text-muted-foreground">and {formatNumber(count - PREVIEW_COUNT)} more</li> : null}
    </ul>
  );
}
