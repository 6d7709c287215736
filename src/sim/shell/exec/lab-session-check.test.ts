import { describe, expect, it } from "vitest";
import { LabSession } from "./lab-session";
import { parseCheck, readCheckLine } from "./lab-session-check";
import type { LabActionResult, LabIncomplete } from "./lab-session-types";

/** Lesson 2's challenge: ns1 and r1 on a bridge, r1 and ns2 on a veth pair; no routes, no forwarding. */
const CHALLENGE = `ip link add br0 type bridge
ip link set br0 up
ip netns add ns1
ip netns add r1
ip netns add ns2
ip link add veth1 type veth peer name veth1-br
ip link set veth1 netns ns1
ip link set veth1-br master br0
ip link set veth1-br up
ip link add r1-eth1 type veth peer name r1-br
ip link set r1-eth1 netns r1
ip link set r1-br master br0
ip link set r1-br up
ip link add r1-eth2 type veth peer name veth2
ip link set r1-eth2 netns r1
ip link set veth2 netns ns2
ip netns exec ns1 ip addr add 10.0.1.10/24 dev veth1
ip netns exec ns1 ip link set veth1 up
ip netns exec r1 ip addr add 10.0.1.1/24 dev r1-eth1
ip netns exec r1 ip link set r1-eth1 up
ip netns exec r1 ip addr add 10.0.2.1/24 dev r1-eth2
ip netns exec r1 ip link set r1-eth2 up
ip netns exec ns2 ip addr add 10.0.2.2/24 dev veth2
ip netns exec ns2 ip link set veth2 up`;

const CHECK = `ip netns exec ns1 ip route get 10.0.2.2   # ns1 has no route to 10.0.2.2 yet

ip netns exec r1 cat /proc/sys/net/ipv4/ip_forward | grep -q 1   # r1 does not forward yet
# the ping goes last: it passes only when the way back works too
ip netns exec ns1 ping -c 1 -W 1 10.0.2.2   # no reply comes back from 10.0.2.2
`;

const FIXES: ReadonlyArray<readonly [string, string]> = [
  ["ns1", "ip route add default via 10.0.1.1"],
  ["r1", "sysctl -w net.ipv4.ip_forward=1"],
  ["ns2", "ip route add 10.0.1.0/24 via 10.0.2.1"],
];

function challenge(): LabSession {
  return LabSession.create({ script: "ip netns exec ns1 ip -br addr", hiddenSetup: CHALLENGE, seed: 3 });
}

function ran(result: LabActionResult | LabIncomplete): LabActionResult {
  if ("incomplete" in result) throw new Error("unexpectedly incomplete");
  return result;
}

describe("readCheckLine", () => {
  it("takes the trailing comment as the message, and not a # inside quotes or a word", () => {
    expect(readCheckLine("ip route get 10.0.2.2   # no route yet")).toEqual({ problem: null, message: "no route yet", empty: false });
    expect(readCheckLine(`echo "a # b" 'c#d' e#f`)).toEqual({ problem: null, message: null, empty: false });
    expect(readCheckLine(`grep -q '#x' /etc/hosts #   spaced out  `).message).toBe("spaced out");
  });

  it("says a blank or comment-only line is no command", () => {
    expect(readCheckLine("   ").empty).toBe(true);
    expect(readCheckLine("# only a note").empty).toBe(true);
  });

  it("gives bash's reason for a line it would refuse", () => {
    expect(readCheckLine("ip route | # nothing after the pipe")).toMatchObject({ problem: expect.stringContaining("syntax error"), empty: false });
    expect(readCheckLine(`echo "unclosed   # message`).problem).toMatch(/unexpected EOF while looking for matching `"'/);
    expect(readCheckLine("if true; then echo; fi   # a compound command").problem).toMatch(/not supported by this simulator/);
  });
});

describe("parseCheck", () => {
  it("keeps each command with its line number and message, skipping blank and comment lines", () => {
    expect(parseCheck(CHECK).map((c) => [c.line, c.message])).toEqual([
      [1, "ns1 has no route to 10.0.2.2 yet"],
      [3, "r1 does not forward yet"],
      [5, "no reply comes back from 10.0.2.2"],
    ]);
  });
});

describe("LabSession.check", () => {
  it("fails an unsolved challenge line by line, with each line's exit status and message", () => {
    const result = challenge().check(CHECK);
    expect(result.passed).toBe(false);
    expect(result.lines).toEqual([
      { line: 1, cmd: "ip netns exec ns1 ip route get 10.0.2.2", exit: 2, message: "ns1 has no route to 10.0.2.2 yet" },
      { line: 3, cmd: "ip netns exec r1 cat /proc/sys/net/ipv4/ip_forward | grep -q 1", exit: 1, message: "r1 does not forward yet" },
      { line: 5, cmd: "ip netns exec ns1 ping -c 1 -W 1 10.0.2.2", exit: 2, message: "no reply comes back from 10.0.2.2" },
    ]);
  });

  it("passes once the student's typed fixes make every line exit 0, and not before the last one", () => {
    const session = challenge();
    const exits = () => session.check(CHECK).lines.map((line) => line.exit);
    ran(session.runCommand(...FIXES[0]!));
    expect(exits()).toEqual([0, 1, 1]);
    ran(session.runCommand(...FIXES[1]!));
    // Forwarding works, but ns2 has no way back: the ping still gets no reply.
    expect(exits()).toEqual([0, 0, 1]);
    ran(session.runCommand(...FIXES[2]!));
    expect(session.check(CHECK)).toMatchObject({ passed: true, lines: [{ exit: 0 }, { exit: 0 }, { exit: 0 }] });
  });

  it("leaves the student's session exactly as it was: steps, events, state, permalink, a running command", () => {
    const checked = challenge();
    const twin = challenge();
    for (const session of [checked, twin]) {
      for (const fix of FIXES.slice(0, 2)) ran(session.runCommand(...fix));
      // A ping without -c keeps running in ns1's terminal (no reply yet: ns2 has no way back).
      ran(session.runCommand("ns1", "ping 10.0.2.2", { budgetMs: 1500 }));
    }
    const before = { steps: checked.steps(), events: checked.events(0).total, state: checked.state(), permalink: checked.permalink() };
    checked.check(CHECK);
    checked.check(CHECK);
    expect({ steps: checked.steps(), events: checked.events(0).total, state: checked.state(), permalink: checked.permalink() }).toEqual(before);
    expect(checked.busy("ns1")).toBe(true);

    // Going on after a check is the same as going on without one.
    for (const session of [checked, twin]) {
      session.interrupt("ns1");
      ran(session.runCommand(...FIXES[2]!));
      ran(session.runCommand("ns1", "ping -c 1 10.0.2.2"));
    }
    expect(checked.events(0, 500)).toEqual(twin.events(0, 500));
    expect(checked.steps()).toEqual(twin.steps());
  });

  it("fails a line bash would refuse with status 2, and still runs the lines after it", () => {
    const result = challenge().check("ip route |   # broken\nip netns exec ns1 ip -br addr   # ns1 is there");
    expect(result.lines.map((line) => [line.cmd, line.exit])).toEqual([
      ["ip route |   # broken", 2],
      ["ip netns exec ns1 ip -br addr", 0],
    ]);
    expect(result.passed).toBe(false);
  });

  it("refuses a check with no command", () => {
    expect(() => challenge().check("# nothing to run\n\n")).toThrow(RangeError);
  });
});
