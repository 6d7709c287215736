/** netstat's listings against net-tools 2.10 output captured in the parity sandbox. */
import { describe, expect, it } from "vitest";
import { runLabScript } from "../exec";
import { TWO_HOSTS } from "../exec/lab-session.fixtures";

const SETUP = [
  ...TWO_HOSTS,
  "ip netns exec h2 nc -l -p 80 &",
  "sleep 0.5",
];

function output(...commands: string[]): string[] {
  return runLabScript([...SETUP, ...commands].join("\n"), { script: "t.lab" }).transcript.steps.slice(SETUP.length).map((s) => s.stdout);
}

describe("netstat", () => {
  it("prints `netstat -ntlp` as captured: a listener's Send-Q is 0 here, its program as PID/name", () => {
    expect(output("ip netns exec h2 netstat -ntlp")[0]).toBe(
      "Active Internet connections (only servers)\n" +
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n" +
        "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      100/nc              \n",
    );
  });

  it("names the port without -n, and shows only connected sockets without -a or -l", () => {
    const [named, connected] = output("ip netns exec h2 netstat -tl", "ip netns exec h2 netstat -nt");
    expect(named).toContain("tcp        0      0 0.0.0.0:http            0.0.0.0:*               LISTEN     \n");
    expect(connected).toBe("Active Internet connections (w/o servers)\nProto Recv-Q Send-Q Local Address           Foreign Address         State      \n");
  });

  it("leaves a TIME_WAIT socket with '-' for its program", () => {
    const [, table] = output("echo hi | ip netns exec h1 nc -N 10.0.0.2 80", "ip netns exec h1 netstat -natp");
    expect(table).toMatch(/^tcp {8}0 {6}0 10\.0\.0\.1:\d{5} {10}10\.0\.0\.2:80 {13}TIME_WAIT {3}- {19}\n$/m);
  });

  it("adds the empty UNIX domain section without -t/-u, and exits 3 with the usage for a bad option", () => {
    const steps = runLabScript([...SETUP, "ip netns exec h2 netstat -an", "netstat -Q"].join("\n"), { script: "t.lab" }).transcript.steps.slice(SETUP.length);
    expect(steps[0]!.stdout).toMatch(/Active UNIX domain sockets \(servers and established\)\nProto RefCnt Flags {7}Type {7}State {9}I-Node {3}Path\n$/);
    expect(steps[1]!.exit).toBe(3);
    expect(steps[1]!.stderr).toMatch(/^netstat: invalid option -- 'Q'\nusage: netstat /);
  });
});
