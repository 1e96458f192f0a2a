"use client";

import { Select } from "@/components/ui/input";
import { CATEGORY_LABELS, ENTRY_CATEGORIES, type EntryCategory, isProtectedCategory } from "@/lib/dnc/categories";

/** A category chooser that says which categories are protected; the Add and Edit dialogs share it. */
export function CategorySelect({
  id,
  value,
  onChange,
  categories = ENTRY_CATEGORIES,
}: {
  id: string;
  value: EntryCategory;
  onChange: (category: EntryCategory) => void;
  categories?: readonly EntryCategory[];
}) {
  return (
    <Select id={id} value={value} onChange={(event) => onChange(event.target.value as EntryCategory)}>
      {categories.map((name) => (
        <option key={name} value={name}>
          {CATEGORY_LABELS[name]}
          {isProtectedCategory(name) ? " (protected)" : ""}
        </option>
      ))}
    </Select>
  );
}
