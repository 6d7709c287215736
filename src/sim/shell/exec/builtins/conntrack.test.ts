import { describe, expect, it } from "vitest";
import { runLabScript } from "../run-script";
import { addNamespaces, wire } from "../../../world/test-helpers";
import type { World } from "../../../world";
import { parseConntrack } from "./conntrack";

const routerless = (world: World): void => {
  addNamespaces(world, "a", "b");
  wire(world, "a", "a-eth0", "b", "b-eth0", "10.0.0.1/24", "10.0.0.2/24");
};

const run = (source: string) => runLabScript(source, { script: "t.lab", setup: routerless }).transcript.steps;

/** The entry lines with the random ICMP id and the timer taken out. */
const entries = (stdout: string): string[] => stdout.split("\n").filter(Boolean).map((line) => line.replace(/id=\d+/g, "id=N").replace(/^(\S+ +\d+) \d+/, "$1 T"));

describe("conntrack", () => {
  it("lists nothing until a rule needs connection tracking, then the flows with the count on stderr", () => {
    const steps = run([
      "ip netns exec b conntrack -L",
      "ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW,ESTABLISHED -j ACCEPT",
      "ip netns exec a iptables -A INPUT -p icmp -s 10.0.0.2 -j DROP",
      "ip netns exec a ping -c 1 -W 1 10.0.0.2",
      "ip netns exec b ping -c 1 -W 1 10.0.0.1",
      "ip netns exec b conntrack -L",
    ].join("\n"));
    expect(steps[0]).toMatchObject({ exit: 0, stdout: "", stderr: "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n" });
    expect(entries(steps[5]!.stdout).sort()).toEqual([
      "icmp     1 T src=10.0.0.1 dst=10.0.0.2 type=8 code=0 id=N src=10.0.0.2 dst=10.0.0.1 type=0 code=0 id=N mark=0 use=1",
      "icmp     1 T src=10.0.0.2 dst=10.0.0.1 type=8 code=0 id=N [UNREPLIED] src=10.0.0.1 dst=10.0.0.2 type=0 code=0 id=N mark=0 use=1",
    ]);
    expect(steps[5]!.stderr).toBe("conntrack v1.4.7 (conntrack-tools): 2 flow entries have been shown.\n");
  });

  it("filters by protocol and source, deletes what it prints, and flushes", () => {
    const steps = run([
      "ip netns exec b iptables -A INPUT -m conntrack --ctstate NEW -j ACCEPT",
      "ip netns exec a ping -c 1 -W 1 10.0.0.2",
      "ip netns exec b conntrack -L -p tcp",
      "ip netns exec b conntrack -C",
      "ip netns exec b conntrack -D -s 10.0.0.1",
      "ip netns exec b conntrack -D -s 10.0.0.1",
      "ip netns exec a ping -c 1 -W 1 10.0.0.2",
      "ip netns exec b conntrack -F",
      "ip netns exec b conntrack -C",
    ].join("\n"));
    expect(steps[2]).toMatchObject({ stdout: "", stderr: "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n" });
    expect(steps[3]!.stdout).toBe("1\n");
    expect(steps[4]).toMatchObject({ exit: 0, stderr: "conntrack v1.4.7 (conntrack-tools): 1 flow entries have been deleted.\n" });
    expect(entries(steps[4]!.stdout)).toHaveLength(1);
    expect(steps[5]).toMatchObject({ exit: 1, stdout: "", stderr: "conntrack v1.4.7 (conntrack-tools): 0 flow entries have been deleted.\n" });
    expect(steps[7]).toMatchObject({ exit: 0, stderr: "conntrack v1.4.7 (conntrack-tools): connection tracking table has been emptied.\n" });
    expect(steps[8]!.stdout).toBe("0\n");
  });

  it("answers bad input as conntrack-tools does, and unmodelled options plainly", () => {
    expect(parseConntrack(["-Q"])).toEqual({ stderr: "conntrack v1.4.7 (conntrack-tools): unknown option `-Q'\nTry `conntrack -h' or 'conntrack --help' for more information.\n", exit: 2 });
    expect(parseConntrack(["-L", "-p", "bogus"])).toMatchObject({ stderr: expect.stringMatching(/^conntrack v1\.4\.7 \(conntrack-tools\): `bogus' unsupported protocol\n/) as unknown, exit: 2 });
    expect(parseConntrack(["-L", "extra"])).toMatchObject({ stderr: expect.stringMatching(/unknown type `extra'/) as unknown, exit: 2 });
    expect(parseConntrack(["-E"])).toMatchObject({ stderr: expect.stringMatching(/is not supported by this simulator\n$/) as unknown, exit: 2 });
    expect(parseConntrack(["-L", "conntrack", "-p", "1"])).toEqual({ action: "list", filter: { protocol: 1 } });
  });
});
