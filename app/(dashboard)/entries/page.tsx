import { EntriesView } from "@/components/entries/entries-view";
import { readDashboardSession } from "@/lib/auth/dashboard-session";
import { listEntries } from "@/lib/dnc/list-entries";

export const metadata = { title: "Entries · DNC Console" };

/** The first page is rendered on the server, so rows are in the HTML and visible before any script runs. */
export default async function EntriesPage() {
  const session = await readDashboardSession();
  const team = session?.user.memberships.find((m) => m.slug === session.slug);
  const firstPage = team ? await listEntries({ teamId: team.teamId, ...FIRST_PAGE }) : undefined;
  return <EntriesView firstPage={firstPage} />;
}

const FIRST_PAGE = { limit: 25, offset: 0, order: "desc", sort: "createdAt" } as const;
