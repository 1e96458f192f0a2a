import { EntriesView } from "@/components/entries/entries-view";
import { listParams, parseListQuery, readEntriesView } from "@/components/entries/entries-url-state";
import { readDashboardSession } from "@/lib/auth/dashboard-session";
import { listEntries } from "@/lib/dnc/list-entries";
import { AppError } from "@/lib/errors";

export const metadata = { title: "Entries · DNC Console" };

/**
 * The first page is rendered on the server, so rows are in the HTML and visible before any script
 * runs: the page the URL asks for (search, filters, order, page), or the default view when the URL
 * asks for something the API would refuse.
 */
export default async function EntriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const session = await readDashboardSession();
  const team = session?.user.memberships.find((m) => m.slug === session.slug);
  const view = readEntriesView(await searchParams);
  const query = parseListQuery(view);
  const firstPage =
    session && team && query.success
      ? await listEntries({ caller: { teamId: team.teamId, actor: session.user.email, via: "session", role: team.role }, ...query.data })
          .then((result) => ({ key: listParams(view).toString(), result }))
          // A client the team no longer has: the client-side query shows the API's answer.
          .catch((error: unknown) => {
            if (error instanceof AppError) return undefined;
            throw error;
          })
      : undefined;
  return <EntriesView firstPage={firstPage} />;
}
