import { type IdentifierShape, parseLinkedInIdentifier } from "@/lib/dnc/normalize-linkedin-url";

/** How the preview names what was recognised, so a pasted Sales Navigator link is seen to be one. */
const SHAPE_LABELS: Record<IdentifierShape, string> = {
  vanity: "profile",
  member_id: "member-id profile",
  sales_navigator: "Sales Navigator lead",
  recruiter: "Recruiter profile",
  member_urn: "member URN",
};

/** The canonical form an identifier being typed will be stored as, or why it will not be; empty while nothing is typed. */
export function IdentifierPreview({ input }: { input: string }) {
  const preview = input.trim() ? parseLinkedInIdentifier(input) : null;
  return (
    <p className="min-h-5 text-xs text-muted-foreground" data-testid="normalized-preview">
      {input.trim() ? (
        preview ? (
          <>
            Will be stored as <span className="font-mono text-foreground">{preview.canonical}</span>
            {preview.shape === "vanity" ? null : ` (${SHAPE_LABELS[preview.shape]})`}
          </>
        ) : (
          "Not a LinkedIn profile URL"
        )
      ) : null}
    </p>
  );
}
