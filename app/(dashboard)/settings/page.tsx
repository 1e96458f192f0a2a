import { TeamSettingsView } from "@/components/settings/team-settings-view";

export const metadata = { title: "Team settings · DNC Console" };

export default function TeamSettingsPage() {
  return <TeamSettingsView />;
}
