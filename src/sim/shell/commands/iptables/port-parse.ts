/**
 * Ports as libxtables reads them (xtables_parse_port, parse_multi_ports):
 * a number 0–65535 or a service name of /etc/services for the protocol; a
 * range "A:B", ":B" (from 0) or "A:" (to 65535).
 */
import type { PortRange } from "../../../netfilter/rule";
import { serviceToPort, type PortProtocol } from "./netdb";
import { stop, type ErrorContext } from "./xtables-errors";

export function parsePort(text: string, protocol: PortProtocol, context: ErrorContext): number {
  if (/^\d+$/.test(text) && Number(text) <= 65535) return Number(text);
  const port = serviceToPort(text, protocol);
  if (port === null) stop(`invalid port/service \`${text}' specified`, context);
  return port;
}

/** --sport/--dport: "A", "A:B", ":B", "A:". */
export function parsePortRange(text: string, protocol: PortProtocol, context: ErrorContext): PortRange {
  const colon = text.indexOf(":");
  if (colon < 0) {
    const port = parsePort(text, protocol, context);
    return { from: port, to: port };
  }
  const first = text.slice(0, colon);
  const rest = text.slice(colon + 1);
  const from = first === "" ? 0 : parsePort(first, protocol, context);
  const to = rest === "" ? 65535 : parsePort(rest, protocol, context);
  // libxt_tcp refuses a backwards range; libxt_udp keeps it as given (measured: `-p udp --dport 80:70` is accepted).
  if (from > to && protocol === "tcp") stop("invalid portrange (min > max)", context);
  return { from, to };
}
