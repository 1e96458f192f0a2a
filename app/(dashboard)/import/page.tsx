import { ImportView } from "@/components/import/import-view";

export const metadata = { title: "Import · DNC Console" };

export default function ImportPage() {
  return <ImportView />;
}
