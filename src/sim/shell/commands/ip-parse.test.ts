/**
 * The `ip` parser against the real iproute2 6.1: every error of
 * fixtures/errors.json that ip gives before asking the kernel must come out
 * byte for byte with its exit status; every command the kernel refused must
 * parse to a request (the model answers it with formatNetlinkError).
 */
import { describe, expect, it } from "vitest";
import { formatIpv4Cidr } from "../../addr";
import type { IpLookup } from "./ip-lookup";
import { netnsAlreadyExists, netnsNotFoundForDelete } from "./ip-netns-parse";
import { parseIp } from "./ip-parse";
import type { IpRequest } from "./ip-request";
import { KERNEL_REFUSALS } from "./netlink-errors";
import { captured, loadCaptures } from "./fixtures/captures.test-support";


/** The sandbox of fixtures/errors.cmds: lo, a veth pair v0/v1, namespace a. */
const LOOKUP: IpLookup = {
  netnsExists: (name) => name === "a",
  deviceExists: (name, netns) => (netns === null ? ["lo", "v0", "v1"] : ["lo"]).includes(name),
};

/** Split like the shell would for these simple fixture lines. */
function argvOf(cmd: string): string[] {
  return cmd
    .split(" ")
    .slice(1)
    .map((w) => (w === '""' ? "" : w));
}

function parse(cmd: string) {
  return parseIp(argvOf(cmd), LOOKUP);
}

function requestOf(cmd: string): IpRequest {
  const parsed = parse(cmd);
  if (parsed.kind !== "request") throw new Error(`${cmd}: ${parsed.output.stderr}`);
  return parsed.request;
}

/** Answers the model gives after a parsed request: kernel refusals and /run/netns file errors. */
const MODEL_ANSWERS = new Set([...Object.values(KERNEL_REFUSALS), netnsAlreadyExists("a"), netnsNotFoundForDelete("nope")].map((o) => `${o.exit} ${o.stderr}`));

describe("ip errors, as captured from iproute2 6.1", () => {
  const runs = loadCaptures("errors").filter((r) => r.cmd.startsWith("ip ") && !r.cmd.startsWith("ip netns exec a "));
  for (const run of runs) {
    it(`${run.cmd} → exit ${run.exit}`, () => {
      const parsed = parse(run.cmd);
      if (parsed.kind === "answered") {
        expect(parsed.output).toEqual({ stdout: run.stdout, stderr: run.stderr, exit: run.exit });
      } else {
        // Reached the model: success, or a refusal it words with KERNEL_REFUSALS / the netns texts.
        expect(run.exit === 0 || MODEL_ANSWERS.has(`${run.exit} ${run.stderr}`)).toBe(true);
      }
    });
  }
});

describe("abbreviations resolve as iproute2 resolves them", () => {
  it.each([
    ["ip a", "address", "show"],
    ["ip ad s", "address", "show"],
    ["ip addr l", "address", "show"],
    ["ip r", "route", "show"],
    ["ip ro li", "route", "show"],
    ["ip n", "neighbour", "show"],
    ["ip ne s", "neighbour", "show"],
    ["ip neighbor", "neighbour", "show"],
    ["ip net", "netns", "list"],
    ["ip netns s", "netns", "list"],
    ["ip l", "link", "show"],
    ["ip link sh", "link", "show"],
    ["ip link ls", "link", "show"],
  ])("%s is %s %s", (cmd, object, action) => {
    const { command } = requestOf(cmd);
    expect([command.object, command.action]).toEqual([object, action]);
  });

  it("`ip link s` is set, which needs a device", () => {
    expect(parse("ip link s")).toMatchObject({ output: { stderr: 'Not enough information: "dev" argument is required.\n', exit: 255 } });
  });

  it("`ip a d` is delete, `ip r g` is get", () => {
    expect(parse("ip a d")).toMatchObject({ output: { stderr: 'Not enough information: "dev" argument is required.\n', exit: 1 } });
    expect(parse("ip r g")).toMatchObject({ output: { stderr: "need at least a destination address\n", exit: 1 } });
  });

  it("`ip m` (maddress) and `ip t` (tunnel) are real objects we do not model", () => {
    expect(parse("ip m").kind === "answered" && parse("ip m")).toMatchObject({ output: { stderr: 'ip: "maddress" is not supported by this simulator\n', exit: 2 } });
    expect(parse("ip t")).toMatchObject({ output: { stderr: 'ip: "tunnel" is not supported by this simulator\n' } });
  });
});

describe("global options", () => {
  it("reads -br, -o, -4 and -n as prefixes of their names, `--` like `-`", () => {
    expect(requestOf("ip -br a").options).toEqual({ family: null, brief: true, oneline: false, netns: null });
    expect(requestOf("ip -brief -o -4 link").options).toEqual({ family: "inet", brief: true, oneline: true, netns: null });
    expect(requestOf("ip --oneline -n a link").options).toEqual({ family: null, brief: false, oneline: true, netns: "a" });
    expect(requestOf("ip -f inet6 addr").options.family).toBe("inet6");
  });

  it("-b is -batch and -h is -human (both unmodelled), -he is -help", () => {
    expect(parse("ip -b a")).toMatchObject({ output: { stderr: 'ip: option "-b" is not supported by this simulator\n' } });
    expect(parse("ip -h a")).toMatchObject({ output: { stderr: 'ip: option "-h" is not supported by this simulator\n' } });
    expect(parse("ip -he")).toMatchObject({ output: { stderr: captured("errors", "ip").stderr, exit: 255 } });
  });

  it.each(["-s", "-d", "-j", "-c", "-color=always", "-p", "-r", "-t", "-a", "-6x"])("refuses %s plainly or as unknown", (opt) => {
    const parsed = parse(`ip ${opt} link`);
    expect(parsed.kind).toBe("answered");
    if (parsed.kind === "answered") expect(parsed.output.exit).not.toBe(0);
  });
});

describe("requests", () => {
  it("ip link add with a peer in another namespace", () => {
    expect(requestOf("ip link add v9 address 02:00:00:00:00:09 type veth peer name v10 netns a").command).toEqual({
      object: "link",
      action: "add",
      name: "v9",
      address: "02:00:00:00:00:09",
      mtu: null,
      netns: null,
      up: null,
      kind: { type: "veth", peer: { name: "v10", address: null, mtu: null, netns: "a", up: null } },
    });
  });

  it("ip link add … peer NAME (short form)", () => {
    const { command } = requestOf("ip link add v9 type veth peer v10");
    expect(command.object === "link" && command.action === "add" && command.kind).toMatchObject({ peer: { name: "v10" } });
  });

  it("ip link set keeps the changes in command order", () => {
    expect(requestOf("ip link set dev v0 down mtu 1400 name eth0 master v1 up").command).toEqual({
      object: "link",
      action: "set",
      dev: "v0",
      changes: [
        { change: "state", up: false },
        { change: "mtu", mtu: 1400 },
        { change: "name", name: "eth0" },
        { change: "master", master: "v1" },
        { change: "state", up: true },
      ],
    });
  });

  it("ip addr add with brd + computes the broadcast; a dotted mask is a prefix length", () => {
    const { command } = requestOf("ip addr add 10.0.1.1/255.255.255.0 brd + dev v0");
    if (command.object !== "address" || command.action !== "add") throw new Error("not addr add");
    expect(formatIpv4Cidr(command.local)).toBe("10.0.1.1/24");
    expect(command.broadcast).toBe(0x0a0001ff);
  });

  it("ip addr del without a prefix length carries iproute2's warning", () => {
    expect(requestOf("ip addr del 10.0.0.1 dev v0").command).toMatchObject({ prefixGiven: false, warning: captured("errors", "ip addr del 10.0.0.1 dev v0").stderr });
  });

  it("ip route add: scope link without a gateway, universe with one; proto boot by default", () => {
    expect(requestOf("ip route add 10.4.0.0/24 dev v0").command).toMatchObject({ route: { scope: 253, protocol: 3, table: 254, type: "unicast" } });
    expect(requestOf("ip route add default via 10.0.0.2").command).toMatchObject({ route: { scope: 0, via: 0x0a000002 } });
    expect(requestOf("ip route add blackhole 10.9.0.0/16 metric 7 table 100").command).toMatchObject({ route: { type: "blackhole", metric: 7, table: 100, scope: 0 } });
  });

  it("reads addresses the lax iproute2 way: 10.7 is 10.7.0.0, /0x10 is /16", () => {
    const { command } = requestOf("ip route add 10.7/0x10 dev v0");
    if (command.object !== "route" || command.action !== "add") throw new Error("not route add");
    expect(formatIpv4Cidr(command.route.dst)).toBe("10.7.0.0/16");
  });

  it("ip route get warns about a prefix length and keeps the address", () => {
    const run = captured("errors", "ip route get 10.0.0.0/24");
    expect(requestOf("ip route get 10.0.0.0/24").command).toMatchObject({ dst: 0x0a000000, warning: run.stderr });
  });

  it("ip neigh: add defaults to permanent; show hides noarp; flush spares permanent", () => {
    expect(requestOf("ip neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0").command).toMatchObject({ nud: "permanent" });
    const show = requestOf("ip neigh show").command;
    const flush = requestOf("ip neigh flush dev v0").command;
    if (!("states" in show) || !("states" in flush)) throw new Error("not show/flush");
    expect([show.states.has("noarp"), show.states.has("permanent"), flush.states.has("permanent")]).toEqual([false, true, false]);
  });

  it("ip netns exec hands the rest of the line to the shell", () => {
    expect(requestOf("ip netns exec a ping -c 1 10.0.0.2").command).toEqual({ object: "netns", action: "exec", name: "a", argv: ["ping", "-c", "1", "10.0.0.2"] });
  });

  it("refuses what it does not model instead of ignoring it", () => {
    for (const cmd of ["ip link add d0 type dummy", "ip link set v0 txqueuelen 10", "ip route add 10.0.0.0/8 dev v0 onlink", "ip addr add 2001:db8::1/64 dev v0", "ip route append 10.0.0.0/8 dev v0"]) {
      const parsed = parse(cmd);
      expect(parsed.kind === "answered" && parsed.output.stderr).toMatch(/is not supported by this simulator\n$/);
    }
  });
});
