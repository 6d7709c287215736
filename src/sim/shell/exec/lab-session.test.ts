import { describe, expect, it } from "vitest";
import { LabSession } from "./lab-session";
import { BRIDGE_LAB } from "./lab-session.fixtures";
import type { LabActionResult, LabIncomplete, LabState } from "./lab-session-types";

const PING = "ping -c 1 -W 1 192.168.1.20";

function lab(): LabSession {
  return LabSession.create({ script: BRIDGE_LAB, seed: 11 });
}

function ran(result: LabActionResult | LabIncomplete): LabActionResult {
  if ("incomplete" in result) throw new Error("unexpectedly incomplete");
  return result;
}

const tables = (state: LabState, host: string) => state.hosts.find((h) => h.host === host)!;

describe("LabSession: the seed bridge lab", () => {
  it("runs the script as steps, each done with its exit status", () => {
    const steps = lab().steps();
    expect(steps).toHaveLength(16);
    expect(steps.every((s) => s.status === "done" && s.exit === 0 && s.source === "script" && s.host === "root")).toBe(true);
    expect(steps[3]).toMatchObject({ index: 3, line: 4, cmd: "ip link add veth1 type veth peer name veth1-br" });
  });

  it("shows the topology after each step: the veth pair appears when `ip link add` runs", () => {
    const session = lab();
    const interfaces = (step: number) => session.stateAfterStep(step).topology.nodes.flatMap((n) => n.interfaces.map((i) => i.id));
    expect(interfaces(2)).not.toContain("if:root/veth1");
    expect(interfaces(3)).toEqual(expect.arrayContaining(["if:root/veth1", "if:root/veth1-br"]));
    expect(interfaces(5)).toContain("if:ns1/veth1");
    expect(interfaces(5)).not.toContain("if:root/veth1");
    const last = session.stateAfterStep(15).topology;
    expect(last.links.map((l) => [l.id, l.up])).toEqual([
      ["host:br:root/br0", true],
      ["veth:if:ns1/veth1~if:root/veth1-br", true],
      ["veth:if:ns2/veth2~if:root/veth2-br", true],
    ]);
    expect(session.state().topology).toEqual(last);
  });

  it("runs a typed line inside the tab's namespace, as ip netns exec would", () => {
    const session = lab();
    const addr = ran(session.runCommand("ns1", "ip -br addr"));
    expect(addr.step).toMatchObject({ host: "ns1", source: "terminal", status: "done", exit: 0 });
    expect(addr.step.stdout).toMatch(/^lo +DOWN/m);
    expect(addr.step.stdout).toMatch(/^veth1@if\d+ +UP +192\.168\.1\.10\/24/m);
    const missing = ran(session.runCommand("ns1", "ip link show veth1-br"));
    expect(missing.step).toMatchObject({ exit: 1, stderr: 'Device "veth1-br" does not exist.\n' });
    // A nested `ip netns exec` still goes where it says.
    expect(ran(session.runCommand("ns1", "ip netns exec ns2 ip -br addr show veth2")).step.stdout).toMatch(/^veth2@if\d+ +UP +192\.168\.1\.20\/24/);
    // Each tab is its own shell.
    session.runCommand("ns1", "X=from-ns1");
    expect(ran(session.runCommand("ns1", "echo $X")).step.stdout).toBe("from-ns1\n");
    expect(ran(session.runCommand("ns2", "echo \"[$X]\"")).step.stdout).toBe("[]\n");
    expect(ran(session.runCommand("root", "nope")).step).toMatchObject({ exit: 127, stderr: "bash: line 1: nope: command not found\n" });
  });

  it("refuses a redirection that would reach the root namespace's /proc/sys from a namespace tab", () => {
    const session = lab();
    const refused = ran(session.runCommand("ns1", "echo 1 > /proc/sys/net/ipv4/ip_forward"));
    expect(refused.step.exit).toBe(1);
    expect(refused.step.stderr).toContain("not supported by this simulator");
    expect(tables(session.state(), "root").forwarding).toBe(false);
    ran(session.runCommand("ns1", "sysctl -w net.ipv4.ip_forward=1"));
    const state = session.state();
    expect([tables(state, "root").forwarding, tables(state, "ns1").forwarding]).toEqual([false, true]);
    expect(state.topology.nodes.find((n) => n.id === "ns:ns1")!.role).toBe("router");
  });

  it("runs a ping to completion in virtual time and reports the events it caused", () => {
    const session = lab();
    const result = ran(session.runCommand("ns1", PING));
    expect(result.step).toMatchObject({ status: "done", exit: 0, firstEvent: 0 });
    expect(result.step.stdout).toContain("1 packets transmitted, 1 received, 0% packet loss");
    expect(result.events.from).toBe(0);
    const batch = session.events(result.events.from, result.events.to - result.events.from);
    expect(batch.events).toHaveLength(result.events.to);
    expect(batch.events.every((e) => e.step === result.step.index + 1)).toBe(true);
  });

  it("hands out events in batches of at most 500", () => {
    const session = lab();
    session.runCommand("ns1", PING);
    const first = session.events(0, 10);
    expect(first.events.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(first.next).toBe(10);
    const rest = session.events(first.next, 10_000);
    expect(rest.events[0]!.index).toBe(10);
    expect(rest.next).toBe(first.total);
  });

  it("travels in time: INCOMPLETE while the ARP request is out, REACHABLE once the reply is in", () => {
    const session = lab();
    session.runCommand("ns1", PING);
    const words = session.events(0).events;
    const request = words.find((w) => w.kind === "frame-sent" && w.text.startsWith("ns1 asks who has"))!;
    const reachable = words.find((w) => w.kind === "arp-resolution" && w.host === "ns1" && w.text.includes("REACHABLE"))!;
    const atRequest = session.stateAt(request.index);
    expect(tables(atRequest, "ns1").neighbours).toEqual([{ ip: "192.168.1.20", dev: "veth1", mac: null, state: "INCOMPLETE" }]);
    expect(tables(atRequest, "ns1").neighbourLines).toEqual(["192.168.1.20 dev veth1 INCOMPLETE "]);
    expect(atRequest).toMatchObject({ event: request.index, eventCount: request.index + 1, time: request.time });
    const afterReply = tables(session.stateAt(reachable.index), "ns1").neighbours;
    expect(afterReply).toEqual([{ ip: "192.168.1.20", dev: "veth1", mac: expect.stringMatching(/^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/), state: "REACHABLE" }]);
    // Before anything was sent: no entry, and no frames counted yet.
    const first = session.stateAt(0);
    expect(tables(first, "ns1").neighbours).toEqual([]);
    expect(tables(first, "ns1").counters).toEqual({});
    expect(tables(session.stateAt(request.index), "ns1").counters["if:ns1/veth1"]).toMatchObject({ txPackets: 1, rxPackets: 0 });
    // The bridge has learned ns1's MAC on veth1-br by the time the request went through it.
    expect(tables(session.stateAt(request.index + 2), "root").fdb.map((r) => r.port)).toEqual(["veth1-br"]);
    expect(tables(session.state(), "ns1").routes).toEqual(["192.168.1.0/24 dev veth1 proto kernel scope link src 192.168.1.10 "]);
  });

  it("sees configuration change between the events of one command line", () => {
    const session = lab();
    const line = `${PING}; ip route add 10.0.0.0/8 dev veth1; ip netns exec ns2 ip link set veth2 down; ping -c 1 -W 1 10.1.2.3`;
    const result = ran(session.runCommand("ns1", line));
    const words = session.events(result.events.from, result.events.to - result.events.from).events;
    const echo = words.find((w) => w.kind === "frame-sent" && w.host === "ns1" && w.protocol === "icmp")!;
    const lateAsk = words.find((w) => w.text.startsWith("ns1 asks who has 10.1.2.3"))!;
    const veth2 = (state: LabState) => state.topology.nodes.find((n) => n.id === "ns:ns2")!.interfaces.find((i) => i.name === "veth2")!;
    const early = session.stateAt(echo.index);
    expect(veth2(early).state).toBe("UP");
    expect(tables(early, "ns1").routes).toHaveLength(1);
    const late = session.stateAt(lateAsk.index);
    expect(veth2(late)).toMatchObject({ state: "DOWN", adminUp: false });
    expect(tables(late, "ns1").routes).toEqual(["10.0.0.0/8 dev veth1 scope link ", "192.168.1.0/24 dev veth1 proto kernel scope link src 192.168.1.10 "]);
    expect(tables(late, "ns1").neighbours.map((n) => [n.ip, n.state])).toEqual([["192.168.1.20", "REACHABLE"], ["10.1.2.3", "INCOMPLETE"]]);
    expect(session.stateAt(echo.index)).toEqual(early);
  });

  it("is deterministic: the same state twice, and a permalink rebuilds the same events", () => {
    const session = lab();
    session.runCommand("ns1", PING);
    session.runCommand("ns2", "ping -c 2 -i 0.2 -W 1 192.168.1.10");
    const total = session.events(0).total;
    const index = total - 3;
    const once = session.stateAt(index);
    expect(session.stateAt(index)).toEqual(once);
    const link = session.permalink();
    expect(JSON.parse(JSON.stringify(link))).toEqual(link);
    expect(link.actions).toEqual([
      { kind: "run", host: "ns1", line: PING },
      { kind: "run", host: "ns2", line: "ping -c 2 -i 0.2 -W 1 192.168.1.10" },
    ]);
    const rebuilt = LabSession.fromPermalink(link);
    expect(rebuilt.steps()).toEqual(session.steps());
    expect(rebuilt.events(0).events).toEqual(session.events(0).events);
    expect(rebuilt.stateAt(index)).toEqual(once);
  });

  it("keeps a command that outlives its budget running until resumed or interrupted", () => {
    const session = lab();
    const started = ran(session.runCommand("ns1", "ping 192.168.1.20", { budgetMs: 2500 }));
    expect(started.step).toMatchObject({ status: "running", exit: null });
    expect(started.step.stdout.match(/icmp_seq=/g)).toHaveLength(3);
    expect(session.busy("ns1")).toBe(true);
    expect(() => session.runCommand("ns1", "ip neigh")).toThrow(/still running/);
    // Another tab meanwhile: the ping goes on in the same virtual time.
    const other = ran(session.runCommand("ns2", "sleep 1"));
    expect(other.changed.map((s) => s.index)).toEqual([started.step.index]);
    expect(other.changed[0]!.stdout.match(/icmp_seq=/g)).toHaveLength(4);
    const resumed = session.resume("ns1", 1000);
    expect(resumed.step.stdout.match(/icmp_seq=/g)).toHaveLength(5);
    // Ctrl-C: iputils ping catches SIGINT, stops and prints its statistics; replies came, so it exits 0.
    const stopped = session.interrupt("ns1");
    expect(stopped.step).toMatchObject({ status: "interrupted", exit: 0 });
    expect(stopped.step.stdout).toMatch(/--- 192\.168\.1\.20 ping statistics ---\n5 packets transmitted, 5 received, 0% packet loss, time 4\d{3}ms\nrtt min\/avg\/max\/mdev = /);
    expect(session.busy("ns1")).toBe(false);
    expect(() => session.interrupt("ns1")).toThrow(/nothing is running/);
    const rebuilt = LabSession.fromPermalink(session.permalink());
    expect(rebuilt.steps()).toEqual(session.steps());
  });

  it("Ctrl-C ends a program that does not catch SIGINT with status 130, and never reaches background jobs", () => {
    const session = lab();
    ran(session.runCommand("ns1", "ping -c 20 -i 0.5 192.168.1.20 > /tmp/bg.txt &"));
    const sleeping = ran(session.runCommand("ns1", "sleep 100", { budgetMs: 1000 }));
    expect(sleeping.step.status).toBe("running");
    const stopped = session.interrupt("ns1");
    expect(stopped.step).toMatchObject({ status: "interrupted", exit: 130, stdout: "" });
    const later = ran(session.runCommand("ns1", "sleep 20"));
    const job = later.changed.find((step) => step.background);
    expect(job).toMatchObject({ bg_exit: 0 });
    const output = ran(session.runCommand("ns1", "tail -n 2 /tmp/bg.txt"));
    expect(output.step.stdout).toMatch(/^20 packets transmitted, 20 received/);
  });

  it("a command streamed in short resumes costs the permalink one resume, and replays to the same steps", () => {
    const session = lab();
    ran(session.runCommand("ns1", "ping 192.168.1.20", { budgetMs: 500 }));
    for (let i = 0; i < 6; i++) session.resume("ns1", 500);
    const stopped = session.interrupt("ns1");
    expect(stopped.step.stdout.match(/icmp_seq=/g)).toHaveLength(4);
    const actions = session.permalink().actions;
    expect(actions).toEqual([
      { kind: "run", host: "ns1", line: "ping 192.168.1.20", budgetMs: 500 },
      { kind: "resume", host: "ns1", budgetMs: 3000 },
      { kind: "interrupt", host: "ns1" },
    ]);
    expect(LabSession.fromPermalink(session.permalink()).steps()).toEqual(session.steps());
  });

  it("Ctrl-C on a ping that got no reply prints the statistics and exits 1", () => {
    const session = lab();
    ran(session.runCommand("ns1", "ping 192.168.1.99", { budgetMs: 2500 }));
    const stopped = session.interrupt("ns1");
    expect(stopped.step.exit).toBe(1);
    expect(stopped.step.stdout).toMatch(/packets transmitted, 0 received/);
  });

  it("a typed command writes to a terminal: each finished line shows at once, even before any reply", () => {
    const session = lab();
    const waiting = ran(session.runCommand("ns1", "ping -c 2 192.168.1.99", { budgetMs: 1000 }));
    expect(waiting.step.status).toBe("running");
    expect(waiting.step.stdout).toBe("PING 192.168.1.99 (192.168.1.99) 56(84) bytes of data.\n");
    // A killed program keeps what it printed: the line was on the screen already.
    const killed = ran(session.runCommand("ns2", "timeout 1 ping 192.168.1.99"));
    expect(killed.step).toMatchObject({ exit: 124, stdout: "PING 192.168.1.99 (192.168.1.99) 56(84) bytes of data.\n" });
    // Into a pipe, stdio buffers it whole as before: `ping | cat` shows it all when ping exits.
    const piped = ran(session.runCommand("ns2", "timeout 1 ping 192.168.1.99 | cat"));
    expect(piped.step.stdout).toBe("");
  });

  it("a script's command is captured as a transcript is: fully buffered, so a killed ping leaves nothing", () => {
    const session = LabSession.create({ script: `${BRIDGE_LAB}\ntimeout 1 ip netns exec ns1 ping 192.168.1.99\n`, seed: 11 });
    expect(session.steps().at(-1)).toMatchObject({ exit: 124, stdout: "" });
  });

  it("waits for more input on an incomplete line, and reports a syntax error as an interactive bash", () => {
    const session = lab();
    expect(session.runCommand("ns1", "echo 'open")).toEqual({ incomplete: true });
    expect(ran(session.runCommand("ns1", "echo 'open\nclosed'")).step.stdout).toBe("open\nclosed\n");
    expect(ran(session.runCommand("ns1", "echo )")).step).toMatchObject({ exit: 2, stderr: "bash: syntax error near unexpected token `)'\n" });
    expect(() => session.runCommand("ns1", "echo a\necho b")).toThrow(/one command line at a time/);
    expect(() => session.runCommand("nowhere", "true")).toThrow(/Cannot open network namespace "nowhere"/);
    expect(session.permalink().actions).toHaveLength(2);
  });

  it("runs a hidden setup first, as hidden steps", () => {
    const session = LabSession.create({ script: "ip -br link show dev br0\n", hiddenSetup: "ip link add br0 type bridge\n", seed: 2 });
    const steps = session.steps();
    expect(steps.map((s) => [s.source, s.cmd])).toEqual([["hidden", "ip link add br0 type bridge"], ["script", "ip -br link show dev br0"]]);
    expect(steps[1]!.stdout).toMatch(/^br0 +DOWN/);
    expect(LabSession.fromPermalink(session.permalink()).steps()).toEqual(steps);
  });
});

describe("LabSession completions", () => {
  const session = lab();
  const candidates = (host: string, line: string) => session.completions(host, line).candidates;

  it("completes command names where a command starts", () => {
    expect(candidates("root", "pi")).toEqual(["ping"]);
    expect(candidates("root", "ip -br link | gr")).toEqual(["grep"]);
    expect(session.completions("root", "echo hi && tr")).toEqual({ from: 11, candidates: ["traceroute", "true"], common: "tr" });
  });

  it("completes ip objects and commands", () => {
    expect(candidates("root", "ip ro")).toEqual(["route"]);
    expect(candidates("root", "ip link ")).toEqual(["add", "delete", "set", "show"]);
  });

  it("completes device names of the namespace the command will run in", () => {
    expect(candidates("ns1", "ip link set ")).toEqual(["lo", "veth1"]);
    expect(candidates("root", "ip link set v")).toEqual(["veth1-br", "veth2-br"]);
    expect(candidates("root", "ip netns exec ns2 ip addr add 192.168.1.30/24 dev ")).toEqual(["lo", "veth2"]);
    expect(candidates("root", "ip -n ns1 route add default dev v")).toEqual(["veth1"]);
    expect(candidates("root", "ip link set veth1-br master ")).toEqual(["br0"]);
  });

  it("completes namespace names", () => {
    expect(candidates("root", "ip netns exec ")).toEqual(["ns1", "ns2"]);
    expect(candidates("root", "ip -n n")).toEqual(["ns1", "ns2"]);
    expect(session.completions("root", "ip netns exec ns")).toMatchObject({ from: 14, common: "ns" });
  });
});
