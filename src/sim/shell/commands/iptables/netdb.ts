/**
 * The name databases iptables consults through libc: services (port names,
 * getservbyname/getservbyport), protocols (getprotobyname/number). Built
 * from Debian 12's files (netdb-data.ts). Lookups follow glibc: a name or
 * alias matches exactly (case-sensitive) and the first entry of a port wins.
 */
import { PROTOCOLS_TEXT, SERVICES_TEXT } from "./netdb-data";

export type PortProtocol = "tcp" | "udp";

interface ServiceEntry {
  readonly names: readonly string[];
  readonly port: number;
  readonly protocols: readonly PortProtocol[];
}

interface ProtocolEntry {
  readonly names: readonly string[];
  readonly number: number;
}

function lines(text: string): string[][] {
  return text
    .split("\n")
    .filter((line) => line.length > 0)
    .map((line) => line.split(" "));
}

const SERVICES: readonly ServiceEntry[] = lines(SERVICES_TEXT).map(([name, port, protocols, ...aliases]) => ({
  names: [name ?? "", ...aliases],
  port: Number(port),
  protocols: [...(protocols ?? "")].map((letter) => (letter === "t" ? "tcp" : "udp")),
}));

const PROTOCOLS: readonly ProtocolEntry[] = lines(PROTOCOLS_TEXT).map(([name, number, ...aliases]) => ({
  names: [name ?? "", ...aliases],
  number: Number(number),
}));

/** getservbyname(name, proto) → port, or null. */
export function serviceToPort(name: string, protocol: PortProtocol): number | null {
  const entry = SERVICES.find((service) => service.protocols.includes(protocol) && service.names.includes(name));
  return entry?.port ?? null;
}

/** getservbyport(port, proto) → its first name, or null. */
export function portToService(port: number, protocol: PortProtocol): string | null {
  const entry = SERVICES.find((service) => service.port === port && service.protocols.includes(protocol));
  return entry?.names[0] ?? null;
}

/** getprotobyname(name) → number, or null. */
export function protocolByName(name: string): number | null {
  return PROTOCOLS.find((entry) => entry.names.includes(name))?.number ?? null;
}

/** getprotobynumber(number) → its name, or null. */
export function protocolName(number: number): string | null {
  return PROTOCOLS.find((entry) => entry.number === number)?.names[0] ?? null;
}
