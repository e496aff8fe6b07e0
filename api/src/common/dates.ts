/** GraphQL's Date scalar arrives as a Date at UTC midnight; date columns store 'YYYY-MM-DD'. */
export function toDateOnly(value: Date | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  return value.toISOString().slice(0, 10);
}
