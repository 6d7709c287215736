/** The prefix length a student writes after "/", checked for the address family. */
import type { Checked, IpFamily } from "./explorer-types";
import { fail, ok, quote } from "./problem";

export function familyBits(family: IpFamily): number {
  return family === 4 ? 32 : 128;
}

/**
 * Decimal, no sign, no leading zero: iproute2 reads "/024" with strtoul
 * base 0, i.e. as octal 20, so rather than guess we ask for the plain number.
 */
export function parsePrefixLength(text: string, base: number, family: IpFamily): Checked<number> {
  const bits = familyBits(family);
  const example = family === 4 ? "/24" : "/64";
  if (text.length === 0) return fail(`A prefix length is missing after "/".`, base, `For example ${example}.`);
  const bad = /[^0-9]/.exec(text);
  if (bad) {
    const hint =
      family === 4 ? "Use a number from 0 to 32, or a dotted mask like 255.255.255.0." : "Use a number from 0 to 128.";
    return fail(`${quote(text)} is not a prefix length.`, base + bad.index, hint);
  }
  if (text.length > 1 && text.startsWith("0")) {
    return fail(`"/${text}" has a leading zero.`, base, `Write /${String(Number(text))}.`);
  }
  const value = Number(text);
  if (value > bits) {
    const hint =
      family === 4 && value <= 255
        ? "Prefix lengths go from /0 to /32; a mask is written with dots, like 255.255.255.0."
        : `Prefix lengths go from /0 to /${bits}.`;
    return fail(`/${text} is longer than an IPv${family} address (${bits} bits).`, base, hint);
  }
  return ok(value);
}
