/**
 * `bridge link [show]` and `bridge fdb [show] [br BR] [dev DEV]` (iproute2
 * 6.1 bridge/). Other objects and options are reported as not modelled.
 * Texts captured in fixtures/bridge.json.
 */
import { answered, failed, request, type Parsed } from "./command-output";
import { IpParseStop, type IpLookup } from "./ip-lookup";
import { matches } from "./iproute-words";
import { linkLabel } from "./link-format";
import { unsupportedOption, unsupportedWord } from "./unsupported";
import type { BridgePortView, FdbView } from "./views";

export const BRIDGE_USAGE =
  "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n" +
  "       bridge [ -force ] -batch filename\n" +
  "where  OBJECT := { link | fdb | mdb | vlan | monitor }\n" +
  "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n" +
  "                    -o[neline] | -t[imestamp] | -n[etns] name |\n" +
  "                    -c[ompressvlans] -color -p[retty] -j[son] }\n";

export type BridgeRequest =
  | { readonly object: "link"; readonly dev: string | null }
  | { readonly object: "fdb"; readonly br: string | null; readonly dev: string | null };

const OBJECTS = ["link", "fdb", "mdb", "vlan", "monitor", "help"] as const;

export function parseBridge(argv: readonly string[], lookup: IpLookup): Parsed<BridgeRequest> {
  const [first, ...rest] = argv;
  if (first === undefined) return answered(failed(BRIDGE_USAGE, 255));
  if (first.startsWith("-")) {
    const known = ["-Version", "-statistics", "-details", "-oneline", "-timestamp", "-netns", "-compressvlans", "-color", "-pretty", "-json", "-force", "-batch", "-help"];
    const opt = first.startsWith("--") ? first.slice(1) : first;
    if (!known.some((k) => matches(opt.slice(1), k.slice(1)))) return answered(failed(`Option "${opt}" is unknown, try "bridge help".\n`, 255));
    return answered(unsupportedOption("bridge", first));
  }
  const object = OBJECTS.find((o) => matches(first, o));
  if (object === undefined) return answered(failed(`Object "${first}" is unknown, try "bridge help".\n`, 255));
  try {
    if (object === "link") return request(parseShowWords(rest, "link", lookup));
    if (object === "fdb") return request(parseShowWords(rest, "fdb", lookup));
    return answered(unsupportedWord("bridge", object));
  } catch (stop) {
    if (stop instanceof IpParseStop) return answered(stop.output);
    throw stop;
  }
}

function parseShowWords(words: readonly string[], object: "link" | "fdb", lookup: IpLookup): BridgeRequest {
  const stop = (text: string): never => {
    throw new IpParseStop(failed(text, 255));
  };
  let rest = words;
  const [command] = rest;
  if (command !== undefined) {
    if (matches(command, "show") || matches(command, "list") || matches(command, "lst")) rest = rest.slice(1);
    else if (["add", "append", "del", "delete", "replace", "set", "get", "flush", "help"].some((c) => matches(command, c))) {
      throw new IpParseStop(unsupportedWord(`bridge ${object}`, command));
    } else if (!["dev", "br", "brport"].includes(command)) stop(`Command "${command}" is unknown, try "bridge ${object} help".\n`);
  }
  let br: string | null = null;
  let dev: string | null = null;
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? "";
    const value = rest[i + 1];
    if (value === undefined) stop('Command line is not complete. Try option "help"\n');
    i++;
    if (word === "dev") dev = value ?? null;
    else if (object === "fdb" && (word === "br" || word === "brport")) br = value ?? null;
    else throw new IpParseStop(unsupportedWord(`bridge ${object}`, word));
  }
  if (br !== null && !lookup.deviceExists(br, null)) stop(`Cannot find bridge device "${br}"\n`);
  if (dev !== null && !lookup.deviceExists(dev, null)) stop(`Cannot find device "${dev}"\n`);
  return object === "link" ? { object, dev } : { object, br, dev };
}

/** "3: v0@br0: <…> mtu 1500 master br0 state forwarding priority 32 cost 2 " */
export function formatBridgePorts(ports: readonly BridgePortView[]): string {
  return ports
    .map((p) => `${p.ifindex}: ${linkLabel(p)}: <${p.flags.join(",")}> mtu ${p.mtu} master ${p.master} state ${p.stpState} priority ${p.priority} cost ${p.cost} \n`)
    .join("");
}

/** "02:00:00:00:00:02 dev v0 master br0 " (learned) / "… master br0 permanent"; "dev X" omitted when filtered by dev. */
export function formatFdb(entries: readonly FdbView[], filteredDev: string | null): string {
  return entries
    .map((e) => {
      let line = `${e.mac} `;
      if (filteredDev === null) line += `dev ${e.dev} `;
      if (e.vlan !== undefined) line += `vlan ${e.vlan} `;
      if (e.master !== undefined) line += `master ${e.master} `;
      if (e.self) line += "self ";
      return `${line}${e.state ?? ""}\n`;
    })
    .join("");
}
