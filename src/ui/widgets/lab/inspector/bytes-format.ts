import type { BytesFormat } from "../../../../sim/core/trace";

/** The formats the decoder reads; anything else is named as unknown rather than guessed at. */
export function asBytesFormat(format: string | undefined): BytesFormat | null {
  if (format === undefined || format === "ethernet") return "ethernet";
  if (format === "ipv4") return "ipv4";
  return null;
}
