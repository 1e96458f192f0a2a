/** A DateTime column read through the SQLite driver arrives as its stored text (ISO-8601). */
export function fromSqlTime(value: string | Date): Date {
  return typeof value === "string" ? new Date(value) : value;
}
