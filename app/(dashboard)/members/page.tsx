import { MembersView } from "@/components/members/members-view";

export const metadata = { title: "Members · DNC Console" };

export default function MembersPage() {
  return <MembersView />;
}
