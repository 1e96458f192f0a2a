"use client";

import { Select } from "@/components/ui/input";
import { type Client, GLOBAL_LIST } from "@/lib/clients/schemas";

/** How the dashboard names the team's global list, whose entries every client's check applies. */
export const GLOBAL_LIST_LABEL = "Global";

/**
 * Which list entries go on: the global one (`global`) or a client's (its id), as `moveEntriesTo`
 * spells it. `placeholder` adds an empty first option, so a choice must be made.
 */
export function ClientSelect({
  id,
  clients,
  value,
  onChange,
  placeholder,
  required,
  disabled,
}: {
  id: string;
  clients: readonly Pick<Client, "id" | "name">[];
  value: string;
  onChange: (list: string) => void;
  placeholder?: string;
  required?: boolean;
  disabled?: boolean;
}) {
  return (
    <Select id={id} value={value} required={required} disabled={disabled} onChange={(event) => onChange(event.target.value)}>
      {placeholder ? (
        <option value="" disabled>
          {placeholder}
        </option>
      ) : null}
      <option value={GLOBAL_LIST}>{GLOBAL_LIST_LABEL} (applies to every client)</option>
      {clients.map((client) => (
        <option key={client.id} value={client.id}>
          {client.name}
        </option>
      ))}
    </Select>
  );
}

/** The add and batch bodies' `clientId` for a chosen list: absent for the global one. */
export function clientIdOf(list: string): { clientId?: string } {
  return list === GLOBAL_LIST ? {} : { clientId: list };
}
