import { RemovedView } from "@/components/removed/removed-view";

export const metadata = { title: "Recently removed · DNC Console" };

export default function RemovedPage() {
  return <RemovedView />;
}
