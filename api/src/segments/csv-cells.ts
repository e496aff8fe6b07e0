/**
 * Cells of the CSV export: RFC 4180 quoting, and neutralised formulas (CSV injection, OWASP
 * "CSV Injection"). A spreadsheet that opens the file runs a cell starting with `=`, `+`, `-` or
 * `@` as a formula (`=HYPERLINK(…)` leaks data when clicked, DDE formulas run commands), and
 * some also after a leading tab or carriage return. Names, e-mail local parts (`=x@example.com`
 * is a valid address) and messenger handles are whatever someone typed or imported, so every such
 * cell gets OWASP's treatment: a single quote in front, and the cell quoted. The quote shows in
 * the cell; that is the price of the defence, and the value stays readable.
 */

/** The first characters OWASP lists: =, +, -, @, tab (0x09), carriage return (0x0D). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function quoted(value: string): string {
  return `"${value.replace(/"/g, '""')}"`;
}

/** One text cell: empty for null, a formula-like value neutralised, quoted where RFC 4180 needs it. */
export function csvCell(value: string | null | undefined): string {
  if (value == null) return '';
  if (FORMULA_START.test(value)) return quoted(`'${value}`);
  return /[",\r\n]/.test(value) ? quoted(value) : value;
}

/**
 * E.164: a plus and 2 to 15 digits, the first not 0. Only this exact shape is kept verbatim below.
 */
const E164 = /^\+[1-9]\d{1,14}$/;

/**
 * The address cell of a phone export. A stored phone is E.164 (normalizePhone), which starts
 * with `+`, so OWASP's rule would turn every phone into `'+48123456789`, and importers of the file
 * (mailing and SMS tools, the CRM itself) would reject or mangle every number. Kept verbatim
 * instead, because such a cell cannot be a harmful formula: a spreadsheet reads `+48123456789`
 * as the formula `=+48123456789`, i.e. the number 48123456789 — no function call, no cell
 * reference (those need letters), no DDE (needs `|` or `!`), no operator with a second operand.
 * The worst it does is show the number without its plus. Anything else in the column (it should
 * not happen, but a value is only trusted for its shape) goes through csvCell like every cell.
 */
export function csvPhoneCell(value: string | null | undefined): string {
  if (value != null && E164.test(value)) return value;
  return csvCell(value);
}
