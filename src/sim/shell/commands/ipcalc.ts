/**
 * `ipcalc` 0.42 (Debian 12's Perl ipcalc, "ipcalc 0.5" inside): an IPv4
 * address and netmask → network, wildcard, host range, broadcast, with the
 * bits shown and a space where the network part ends; a second netmask
 * gives the subnets (longer) or the supernet (shorter). The lab has no tty,
 * so output is never coloured. Texts: fixtures/ipcalc.json (the real tool).
 * Arithmetic: src/sim/addr.
 */
import {
  formatIpv4, ipv4Broadcast, ipv4Cidr, ipv4Contains, ipv4FirstUsable, ipv4LastUsable, ipv4MaskToPrefix,
  ipv4Network, ipv4PrefixToMask, ipv4Subnets, ipv4Wildcard, ipv4Overlaps, type Ipv4Address, type Ipv4Cidr,
} from "../../addr";
import { printed, type CommandOutput } from "./command-output";
import { unsupportedOption } from "./unsupported";

export const IPCALC_USAGE = "Usage: ipcalc [options] <ADDRESS>[[/]<NETMASK>] [NETMASK]\n\nipcalc takes an IP address and netmask and calculates the resulting\nbroadcast, network, Cisco wildcard mask, and host range. By giving a\nsecond netmask, you can design sub- and supernetworks. It is also\nintended to be a teaching tool and presents the results as\neasy-to-understand binary values.\n\n -n --nocolor  Don't display ANSI color codes.\n -c --color    Display ANSI color codes (default).\n -b --nobinary Suppress the bitwise output.\n -c --class    Just print bit-count-mask of given address.\n -h --html     Display results as HTML (not finished in this version).\n -v --version  Print Version.\n -s --split n1 n2 n3\n               Split into networks of size n1, n2, n3.\n -r --range    Deaggregate address range.\n    --help     Longer help text.\n\nExamples:\n\nipcalc 192.168.0.1/24\nipcalc 192.168.0.1/255.255.128.0\nipcalc 192.168.0.1 255.255.128.0 255.255.192.0\nipcalc 192.168.0.1 0.0.63.255\n\n\nipcalc <ADDRESS1> - <ADDRESS2>  deaggregate address range\n\nipcalc <ADDRESS>/<NETMASK> --s a b c\n                                split network to subnets\n\t\t\t\twhere a b c fits in.\n\n! New HTML support not yet finished.\n\nipcalc 0.5\n";

/** Addresses ipcalc reads: dotted quads, each part 0–255 in decimal (a leading 0 is still decimal: 010 = 10). */
function readAddress(text: string): Ipv4Address | null {
  const parts = text.split(".");
  if (parts.length !== 4 || !parts.every((p) => /^[0-9]{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return (((Number(parts[0]) << 24) | (Number(parts[1]) << 16) | (Number(parts[2]) << 8) | Number(parts[3])) >>> 0) as Ipv4Address;
}

/** A mask as bits (`24`, `/24`) or dotted (a wildcard like 0.0.63.255 is turned round); null if neither. */
function readMask(text: string): number | "bad-netmask" | null {
  const bits = text.replace(/^\//, "");
  if (/^[0-9]+$/.test(bits)) return Number(bits) <= 32 ? Number(bits) : null;
  const dotted = readAddress(text);
  if (dotted === null) return null;
  const prefix = ipv4MaskToPrefix(dotted) ?? ipv4MaskToPrefix((~dotted >>> 0) as Ipv4Address);
  return prefix ?? "bad-netmask";
}

/** Bits with a dot between octets and a space where the network part ends. */
export function ipcalcBits(address: number, prefix: number): string {
  let out = "";
  for (let i = 0; i < 32; i++) {
    if (i === prefix && prefix > 0) out += " ";
    out += (address >>> (31 - i)) & 1;
    if (i % 8 === 7 && i < 31) out += ".";
  }
  return prefix === 32 ? `${out} ` : out;
}

const PRIVATE: readonly Ipv4Cidr[] = [
  ipv4Cidr((10 << 24) as Ipv4Address, 8),
  ipv4Cidr(((172 << 24) | (16 << 16)) as Ipv4Address, 12),
  ipv4Cidr((((192 << 24) | (168 << 16)) >>> 0) as Ipv4Address, 16),
];

/** "Class C, Private Internet": the class of the first octet and what the network is (RFC 1918, 3927, 3021). */
export function ipcalcDescription(net: Ipv4Cidr): string {
  const first = net.address >>> 24;
  const letter = first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : first < 240 ? "D" : "E";
  const notes: string[] = [];
  if (PRIVATE.some((p) => ipv4Contains(p, net))) notes.push("Private Internet");
  else if (PRIVATE.some((p) => ipv4Overlaps(p, net))) notes.push("In Part Private Internet");
  if (first === 127) notes.push("Loopback");
  if (ipv4Contains(ipv4Cidr((((169 << 24) | (254 << 16)) >>> 0) as Ipv4Address, 16), net)) notes.push("APIPA");
  if (letter === "D") notes.push("Multicast");
  if (net.prefix === 31) notes.push("PtP Link RFC 3021");
  return [`Class ${letter}`, ...notes].join(", ");
}

interface Style {
  readonly binary: boolean;
}

function line(style: Style, label: string, value: string, bits: string): string {
  return `${label.padEnd(11)}${value.padEnd(21)}${style.binary ? bits : ""}\n`;
}

/** The Network…Hosts/Net block of one network (HostMin…Broadcast for /31 and /32 as ipcalc prints them). */
function networkBlock(style: Style, net: Ipv4Cidr): string {
  const p = net.prefix;
  const hosts = p === 32 ? 1 : p === 31 ? 2 : 2 ** (32 - p) - 2;
  let out = "";
  if (p === 32) out += line(style, "Hostroute:", formatIpv4(net.address), ipcalcBits(net.address, p));
  else {
    const network = ipv4Network(net);
    const min = p === 31 ? network : ipv4FirstUsable(net);
    const max = p === 31 ? ((network + 1) >>> 0) as Ipv4Address : ipv4LastUsable(net);
    out += line(style, "Network:", `${formatIpv4(network)}/${p}`, ipcalcBits(network, p));
    out += line(style, "HostMin:", formatIpv4(min), ipcalcBits(min, p));
    out += line(style, "HostMax:", formatIpv4(max), ipcalcBits(max, p));
    const brd = ipv4Broadcast(net);
    if (brd !== null && p < 31) out += line(style, "Broadcast:", formatIpv4(brd), ipcalcBits(brd, p));
  }
  return `${out}Hosts/Net: ${String(hosts).padEnd(22)}${ipcalcDescription(net)}\n`;
}

function maskLines(style: Style, prefix: number): string {
  const mask = ipv4PrefixToMask(prefix);
  const wildcard = ipv4Wildcard(prefix);
  return line(style, "Netmask:", `${formatIpv4(mask)} = ${prefix}`, ipcalcBits(mask, prefix)) + line(style, "Wildcard:", formatIpv4(wildcard), ipcalcBits(wildcard, prefix));
}

function report(style: Style, address: Ipv4Address, prefix: number, second: number | null): string {
  const net = ipv4Cidr(address, prefix);
  let out = line(style, "Address:", formatIpv4(address), ipcalcBits(address, prefix));
  out += maskLines(style, prefix);
  out += "=>\n";
  out += networkBlock(style, ipv4Cidr(ipv4Network(net), prefix));
  out += "\n";
  if (second === null || second === prefix) return out;
  if (second < prefix) {
    const sup = ipv4Cidr(ipv4Network(ipv4Cidr(address, second)), second);
    return `${out}Supernet\n\n${maskLines(style, second)}\n${networkBlock(style, sup)}\n`;
  }
  out += `Subnets after transition from /${prefix} to /${second}\n\n${maskLines(style, second)}\n`;
  const subnets = ipv4Subnets(ipv4Cidr(ipv4Network(net), prefix), second);
  subnets.forEach((s, i) => {
    out += ` ${i + 1}.\n${networkBlock(style, s)}\n`;
  });
  const perNet = second === 32 ? 1 : second === 31 ? 2 : 2 ** (32 - second) - 2;
  return `${out}\nSubnets:   ${subnets.length}\nHosts:     ${subnets.length * perNet}\n`;
}

/** argv without the program name. */
export function runIpcalc(argv: readonly string[]): CommandOutput {
  let binary = true;
  const words: string[] = [];
  for (const word of argv) {
    if (word === "-n" || word === "--nocolor") continue;
    else if (word === "-b" || word === "--nobinary") binary = false;
    else if (word === "-c" || word === "--color" || word === "--class" || word === "-h" || word === "--html" || word === "-s" || word === "--split" || word === "-r" || word === "--range" || word === "-v" || word === "--version" || word === "--help") {
      return unsupportedOption("ipcalc", word);
    } else if (word.startsWith("-") && word.length > 1) return printed(`Unknown option: ${word}\n`);
    else words.push(word);
  }
  if (argv.length === 0) return printed(IPCALC_USAGE);
  const [first = "", maskWord, ...rest] = words;
  if (rest.length > 0) return unsupportedOption("ipcalc", rest[0]!);
  if (first.includes(":")) return unsupportedOption("ipcalc", "IPv6");
  const slash = first.indexOf("/");
  const addressText = slash < 0 ? first : first.slice(0, slash);
  const address = readAddress(addressText);
  if (address === null) {
    // Perl warns on stderr when there is no argument at all, then prints the empty address.
    const warning = words.length === 0 ? "Use of uninitialized value $ARGV[0] in concatenation (.) or string at /usr/bin/ipcalc line 138.\n" : "";
    return { stdout: `INVALID ADDRESS: ${addressText}\n\n`, stderr: warning, exit: 0 };
  }
  let prefix: number;
  let second: number | null = null;
  if (slash >= 0) {
    const mask = readMask(first.slice(slash + 1));
    if (mask === "bad-netmask") return printed(`INVALID NETMASK\nINVALID MASK1:   ${first.slice(slash + 1)}\n\n`);
    if (mask === null) return printed(`INVALID MASK1:   ${first.slice(slash + 1)}\n\n`);
    prefix = mask;
    if (maskWord !== undefined) {
      const m2 = readMask(maskWord);
      if (typeof m2 !== "number") return printed(`INVALID MASK2:   ${maskWord}\n\n`);
      second = m2;
    }
  } else if (maskWord !== undefined) {
    const mask = readMask(maskWord);
    if (typeof mask !== "number") return printed(`INVALID MASK1:   ${maskWord}\n\n`);
    prefix = mask;
  } else {
    prefix = defaultPrefix(address);
  }
  return printed(report({ binary }, address, prefix, second));
}

/** Without a mask ipcalc takes the classful one (192.168.1.10 → /24). */
function defaultPrefix(address: Ipv4Address): number {
  const first = address >>> 24;
  return first < 128 ? 8 : first < 192 ? 16 : 24;
}

