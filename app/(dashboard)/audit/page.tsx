import { AuditView } from "@/components/audit/audit-view";

export const metadata = { title: "Audit log · DNC Console" };

export default function AuditPage() {
  return <AuditView />;
}
