import { redirect } from "next/navigation";
import { AccountView } from "@/components/account/account-view";
import { readDashboardSession } from "@/lib/auth/dashboard-session";

export const metadata = { title: "Account · DNC Console" };

/** Reads the signed-in person itself: the page is theirs whether or not they belong to a team. */
export default async function AccountPage() {
  const session = await readDashboardSession();
  if (!session) redirect("/sign-in");
  return <AccountView user={{ email: session.user.email, name: session.user.name }} />;
}
