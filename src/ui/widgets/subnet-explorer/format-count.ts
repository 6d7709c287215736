/**
 * Counts arrive as decimal strings (an IPv6 /48 holds 2^80 addresses, beyond
 * a JavaScript number), so digits are grouped by hand rather than with
 * Number#toLocaleString, which would round them.
 */
export function groupDigits(decimal: string): string {
  return /^\d+$/.test(decimal) ? decimal.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : decimal;
}
