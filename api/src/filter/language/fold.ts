/**
 * Unicode case folding for case-insensitive text comparison.
 *
 * SQLite's LOWER()/LIKE fold ASCII only, and PostgreSQL's depend on the database collation, so
 * every filterable text column keeps a copy folded here, in JavaScript, and queries compare
 * folded values. Upper-then-lower maps ß → ss, which `toLowerCase` alone
 * does not; the final sigma, which toLowerCase produces at word ends, folds to σ as in Unicode's
 * CaseFolding.txt. NFKC makes composed and decomposed forms (é vs e + ◌́, common in Vietnamese
 * input) compare equal.
 */
export function fold(text: string): string;
export function fold(text: string | null | undefined): string | null;
export function fold(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return text.normalize('NFKC').toUpperCase().toLowerCase().replace(/ς/g, 'σ');
}
