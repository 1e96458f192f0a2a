import { AccountView } from "@/components/account/account-view";

export const metadata = { title: "Account · DNC Console" };

export default function AccountPage() {
  return <AccountView />;
}
