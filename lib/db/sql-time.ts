/**
 * DateTime as Prisma's SQLite adapter stores it: ISO-8601 text with +00:00. Rows written through
 * the driver use the same form, so they compare and sort with rows the ORM wrote.
 */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime column read through the SQLite driver arrives as its stored text (ISO-8601). */
export function fromSqlTime(value: string | Date): Date {
  return typeof value === "string" ? new Date(value) : value;
}
