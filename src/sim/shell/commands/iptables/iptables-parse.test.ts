import { describe, expect, it } from "vitest";
import { ipv4FromOctets } from "../../../addr";
import { parseIptables } from "./iptables-parse";
import type { IptablesLookup } from "./lookup";
import { parseRestoreInput } from "./restore-parse";

const LOOKUP: IptablesLookup = {
  chainExists: (_table, chain) => ["INPUT", "FORWARD", "OUTPUT", "WEB"].includes(chain),
  resolveHost: (name) => (name === "localhost" ? [ipv4FromOctets(127, 0, 0, 1)] : []),
};

function requestOf(line: string) {
  const parsed = parseIptables(line.split(" "), LOOKUP);
  if (parsed.kind !== "request") throw new Error(parsed.output.stderr);
  return parsed.request;
}

describe("parseIptables builds requests the engine executes directly", () => {
  it("expands -s and -d lists into one rule per pair, sources outermost", () => {
    const { command } = requestOf("-A INPUT -s 10.0.0.1,10.0.0.2 -d 1.1.1.1,2.2.2.2 -j DROP");
    if (command.op !== "append") throw new Error(command.op);
    expect(command.specs.map((spec) => [spec.source?.cidr.address, spec.destination?.cidr.address])).toEqual([
      [ipv4FromOctets(10, 0, 0, 1), ipv4FromOctets(1, 1, 1, 1)],
      [ipv4FromOctets(10, 0, 0, 1), ipv4FromOctets(2, 2, 2, 2)],
      [ipv4FromOctets(10, 0, 0, 2), ipv4FromOctets(1, 1, 1, 1)],
      [ipv4FromOctets(10, 0, 0, 2), ipv4FromOctets(2, 2, 2, 2)],
    ]);
  });

  it("loads the protocol's match where its first option appears", () => {
    const { command } = requestOf("-A INPUT -p tcp -m comment --comment web --dport 80:90 -j WEB");
    if (command.op !== "append") throw new Error(command.op);
    const [spec] = command.specs;
    expect(spec?.matches).toEqual([
      { module: "comment", comment: "web" },
      { module: "tcp", dport: { range: { from: 80, to: 90 }, invert: false } },
    ]);
    expect(spec?.target).toEqual({ kind: "jump", chain: "WEB" });
  });

  it("reads clustered flags and -L's optional chain", () => {
    expect(requestOf("-nvL INPUT").command).toEqual({ op: "list", chain: "INPUT", position: null, options: { verbose: true, numeric: true, exact: false, lineNumbers: false }, zero: false });
  });

  it("resolves host names through the lookup, and says plainly when there is none", () => {
    const { command } = requestOf("-A INPUT -s localhost -j ACCEPT");
    expect(command.op === "append" && command.specs[0]?.source?.cidr).toEqual({ address: ipv4FromOctets(127, 0, 0, 1), prefix: 32 });
    const unresolved = parseIptables(["-A", "INPUT", "-s", "example.org", "-j", "ACCEPT"], { chainExists: () => true });
    expect(unresolved.kind === "answered" && unresolved.output).toEqual({ stdout: "", stderr: 'iptables v1.8.9 (nf_tables): the host name "example.org" is not supported by this simulator\n', exit: 2 });
  });
});

describe("parseRestoreInput", () => {
  it("keeps each table's chain lines and commands with their line numbers", () => {
    const text = "# saved\n*filter\n:INPUT DROP [3:180]\n:WEB - [0:0]\n[1:60] -A INPUT -j WEB\nCOMMIT\n";
    const parsed = parseRestoreInput(text, { noflush: false, counters: true, test: false, file: null }, LOOKUP);
    if (parsed.kind !== "request") throw new Error(parsed.output.stderr);
    const [table] = parsed.request;
    expect(table?.chains.map((chain) => [chain.line, chain.name, chain.policy, chain.counters])).toEqual([
      [3, "INPUT", "DROP", { packets: 3, bytes: 180 }],
      [4, "WEB", null, { packets: 0, bytes: 0 }],
    ]);
    expect(table?.commands.map(({ line, command }) => [line, command.op, "counters" in command ? command.counters : null])).toEqual([[5, "append", { packets: 1, bytes: 60 }]]);
    expect(table?.commitLine).toBe(6);
  });
});
