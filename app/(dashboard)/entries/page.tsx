import { EntriesView } from "@/components/entries/entries-view";

export const metadata = { title: "Entries · DNC Console" };

export default function EntriesPage() {
  return <EntriesView />;
}
