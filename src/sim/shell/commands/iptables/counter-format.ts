/**
 * Counters as `iptables -L -v` prints them (libxtables xtables_print_num):
 * up to 99999 as is, then divided by 1000 (rounding half up) with K, M, G,
 * T until it fits in four digits; -x prints exact numbers.
 */
const SUFFIXES = ["K", "M", "G", "T"] as const;

export interface NumberStyle {
  /** -x */
  readonly exact: boolean;
  /** Inside a sentence (policy counters, rule echo): no column padding. */
  readonly notable: boolean;
}

/** The number with its trailing space, padded for its column as printf("%5llu ") / ("%8llu ") would. */
export function formatCount(value: number, style: NumberStyle): string {
  if (style.exact) return `${style.notable ? String(value) : String(value).padStart(8)} `;
  if (value <= 99999) return `${style.notable ? String(value) : String(value).padStart(5)} `;
  let scaled = value;
  for (let index = 0; index < SUFFIXES.length; index++) {
    scaled = Math.floor((scaled + 500) / 1000);
    if (scaled <= 9999 || index === SUFFIXES.length - 1) {
      const text = String(scaled);
      return `${style.notable ? text : text.padStart(4)}${SUFFIXES[index] ?? ""} `;
    }
  }
  return `${value} `;
}
