/**
 * DateTime as Prisma's SQLite adapter stores it: ISO-8601 text with +00:00. Rows written with raw
 * SQL use the same form, so they compare and sort with rows the ORM wrote.
 */
export function sqlTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}

/** A DateTime column read through the driver arrives as its stored text. */
export function fromSqlTime(value: string): Date {
  return new Date(value);
}
