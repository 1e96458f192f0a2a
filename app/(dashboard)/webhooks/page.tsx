import { WebhooksView } from "@/components/webhooks/webhooks-view";

export const metadata = { title: "Webhooks · DNC Console" };

export default function WebhooksPage() {
  return <WebhooksView />;
}
