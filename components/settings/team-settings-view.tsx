"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { ClientsSection } from "@/components/clients/clients-section";
import { useDashboard } from "@/components/dashboard/dashboard-context";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { Notice, PageHeader } from "@/components/ui/page-header";
import { toast } from "@/components/ui/toaster";
import { callApi, errorMessage } from "@/components/api-client/call-api";
import { roleCan } from "@/lib/auth/permissions";
import { teamContracts } from "@/lib/contracts/team";
import { MAX_OPT_OUT_WINDOW_DAYS } from "@/lib/teams/schemas";

const settingsKey = (team: string) => ["team-settings", team] as const;

/** The team's settings and agency clients: every member sees them; owners and admins change them (audited). */
export function TeamSettingsView() {
  const { team } = useDashboard();
  const settings = useQuery({
    queryKey: settingsKey(team.slug),
    queryFn: ({ signal }) => callApi(teamContracts.getTeamSettings, { team: team.slug, signal }),
  });
  return (
    <>
      <PageHeader title="Team settings" description={`How ${team.name} handles its list. Changes are kept in the audit log.`} />
      <div className="grid max-w-3xl gap-10">
        <div className="max-w-xl">
          {settings.isError ? <Notice tone="error">Could not load the settings: {errorMessage(settings.error)}</Notice> : null}
          {settings.data ? (
            <OptOutWindowForm team={team.slug} days={settings.data.optOutWindowDays} canChange={roleCan(team.role, "team.manage")} />
          ) : null}
        </div>
        <ClientsSection team={team.slug} canManage={roleCan(team.role, "clients.manage")} />
      </div>
    </>
  );
}

function OptOutWindowForm({ team, days, canChange }: { team: string; days: number; canChange: boolean }) {
  const queryClient = useQueryClient();
  const [value, setValue] = useState(String(days));
  const change = useMutation({
    mutationFn: (optOutWindowDays: number) => callApi(teamContracts.updateTeamSettings, { body: { optOutWindowDays }, team }),
    onSuccess: (saved) => {
      toast.success(`Opt-outs are now honoured within ${saved.optOutWindowDays} days.`);
      queryClient.setQueryData(settingsKey(team), saved);
    },
  });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    change.mutate(Number(value));
  }

  return (
    <section aria-labelledby="opt-out-window">
      <h2 id="opt-out-window" className="text-base font-semibold text-foreground">
        Opt-out window
      </h2>
      <p className="mt-1 text-sm text-muted-foreground">
        An entry added later than this many days after its opt-out was received is flagged late, so the team can show it met the window. A
        change applies to entries added from then on.
      </p>
      <form onSubmit={onSubmit} className="mt-4 space-y-4 rounded-lg border border-border bg-surface p-6 shadow-sm">
        <div className="space-y-1.5">
          <Label htmlFor="opt-out-window-days">Honour opt-outs within (days)</Label>
          <Input
            id="opt-out-window-days"
            type="number"
            min={1}
            max={MAX_OPT_OUT_WINDOW_DAYS}
            step={1}
            required
            value={value}
            disabled={!canChange}
            onChange={(event) => setValue(event.target.value)}
            className="w-32"
          />
        </div>
        {change.isError ? <Notice tone="error">{errorMessage(change.error)}</Notice> : null}
        {canChange ? (
          <Button type="submit" variant="primary" disabled={change.isPending || Number(value) === days}>
            {change.isPending ? "Saving…" : "Save"}
          </Button>
        ) : (
          <p className="text-sm text-muted-foreground">Only owners and admins change it.</p>
        )}
      </form>
    </section>
  );
}
