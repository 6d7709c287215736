/**
 * nc against what netcat-openbsd 1.219 printed on Debian 12 for the same
 * commands (captured with the parity sandbox: see src/parity/cases/06x, 07x).
 */
import { describe, expect, it } from "vitest";
import { runLabScript } from "../shell/exec";
import { TWO_HOSTS } from "../shell/exec/lab-session.fixtures";
import type { TranscriptStep } from "../shell/transcript";

function run(...lines: string[]): TranscriptStep[] {
  return runLabScript([...TWO_HOSTS, ...lines].join("\n"), { script: "t.lab" }).transcript.steps.slice(TWO_HOSTS.length);
}

describe("nc", () => {
  it("carries stdin to a listener, which prints it and exits when the client's FIN (-N) arrives", () => {
    const [server, , client] = run("ip netns exec h2 nc -lvn -p 80 &", "sleep 0.5", "echo hello | ip netns exec h1 nc -N 10.0.0.2 80");
    expect(client).toMatchObject({ exit: 0, stdout: "", stderr: "" });
    expect(server).toMatchObject({ stderr: "", bg_exit: 0, bg_stdout: "hello\n" });
    expect(server!.bg_stderr).toMatch(/^Listening on 0\.0\.0\.0 80\nConnection received on 10\.0\.0\.1 \d{5}\n$/);
  });

  it("sends the server's reply to the client's stdout", () => {
    const [, , client] = run("echo pong | ip netns exec h2 nc -l -p 80 &", "sleep 0.5", "echo ping | ip netns exec h1 nc -N 10.0.0.2 80");
    expect(client).toMatchObject({ exit: 0, stdout: "pong\n" });
  });

  it("reports a refused connection only with -v, exiting 1 either way", () => {
    const [quiet, verbose, range] = run("ip netns exec h1 nc 10.0.0.2 81", "ip netns exec h1 nc -v 10.0.0.2 81", "ip netns exec h1 nc -vz 10.0.0.2 22-23");
    expect(quiet).toMatchObject({ exit: 1, stderr: "" });
    expect(verbose).toMatchObject({ exit: 1, stderr: "nc: connect to 10.0.0.2 port 81 (tcp) failed: Connection refused\n" });
    expect(range!.stderr).toBe("nc: connect to 10.0.0.2 port 22 (tcp) failed: Connection refused\nnc: connect to 10.0.0.2 port 23 (tcp) failed: Connection refused\n");
  });

  it("says 'succeeded' with the service name for -vz to a listener", () => {
    const [, , scan] = run("ip netns exec h2 nc -l -p 80 &", "sleep 0.5", "ip netns exec h1 nc -vz 10.0.0.2 80");
    expect(scan).toMatchObject({ exit: 0, stderr: "Connection to 10.0.0.2 80 port [tcp/http] succeeded!\n" });
  });

  it("gives up after -w seconds when SYNs are dropped, with select()'s errno", () => {
    const [, timedOut] = run("ip netns exec h2 iptables -A INPUT -p tcp --dport 80 -j DROP", "ip netns exec h1 nc -v -w 2 10.0.0.2 80");
    expect(timedOut).toMatchObject({ exit: 1, elapsed_ms: 2000, stderr: "nc: connect to 10.0.0.2 port 80 (tcp) timed out: Operation now in progress\n" });
  });

  it("reports ETIMEDOUT when the kernel runs out of SYN retries", () => {
    const [, , failed] = run(
      "ip netns exec h2 iptables -A INPUT -p tcp --dport 80 -j DROP",
      "ip netns exec h1 sysctl -w net.ipv4.tcp_syn_retries=1",
      "ip netns exec h1 nc -v 10.0.0.2 80",
    );
    expect(failed).toMatchObject({ exit: 1, elapsed_ms: 3000, stderr: "nc: connect to 10.0.0.2 port 80 (tcp) failed: Connection timed out\n" });
  });

  it("prints getopt's complaint and the usage for a bad option, the help for -h", () => {
    const [bad, help] = run("nc -Q", "nc -h");
    expect(bad!.exit).toBe(1);
    expect(bad!.stderr).toMatch(/^nc: invalid option -- 'Q'\nusage: nc \[-46CDdFhklNnrStUuvZz\]/);
    expect(help!.exit).toBe(0);
    expect(help!.stderr).toMatch(/^OpenBSD netcat \(Debian patchlevel 1\.219-1\)\nusage: nc /);
    expect(help!.stderr).toContain("\t\t-z\t\tZero-I/O mode [used for scanning]\n");
  });

  it("checks operands as netcat.c does", () => {
    const steps = run("nc -l", "nc 10.0.0.2", "nc -k 10.0.0.2 80", "nc -lz 80", "nc -w x 10.0.0.2 80", "nc -vz 10.0.0.2 nosuch", "nc -vz 10.0.0.2 70000");
    expect(steps.map((s) => [s.exit, s.stderr])).toEqual([
      [1, "nc: missing port number\n"],
      [1, "nc: missing port number\n"],
      [1, "nc: must use -l with -k\n"],
      [1, "nc: cannot use -z and -l\n"],
      [1, "nc: timeout invalid: x\n"],
      [1, "nc: port number invalid: nosuch\n"],
      [1, "nc: port number too large: 70000\n"],
    ]);
  });

  it("refuses options it has but the simulator does not model", () => {
    const [proxy] = run("nc -x 10.0.0.9 10.0.0.2 80");
    expect(proxy).toMatchObject({ exit: 1, stderr: "nc: option -x is not supported by this simulator\n" });
  });

  it("fails a client bind on a port a listener holds, and binds only the host's addresses", () => {
    const steps = run("ip netns exec h1 nc -l -p 8080 &", "sleep 0.5", "ip netns exec h1 nc -p 8080 10.0.0.2 80", "ip netns exec h1 nc -s 10.0.0.9 10.0.0.2 80", "ip netns exec h1 nc -l -s 10.0.0.9 -p 80");
    expect(steps.slice(2).map((s) => s.stderr)).toEqual([
      "nc: bind failed: Address already in use\n",
      "nc: bind failed: Cannot assign requested address\n",
      "nc: Cannot assign requested address\n",
    ]);
  });

  it("over UDP: the listener takes the first sender as its peer; a closed port ends the client at once", () => {
    const [server, , open, closed, probe] = run(
      "ip netns exec h2 nc -u -lvn -p 53 &",
      "sleep 0.5",
      "echo hello | ip netns exec h1 nc -u -w 1 10.0.0.2 53",
      "echo hello | ip netns exec h1 nc -u -w 1 10.0.0.2 54",
      "ip netns exec h1 nc -uvz -w 1 10.0.0.2 54",
    );
    expect(open).toMatchObject({ exit: 0, elapsed_ms: 1000 });
    expect(closed).toMatchObject({ exit: 0, elapsed_ms: 0 });
    expect(probe).toMatchObject({ exit: 1, stderr: "" });
    expect(server).toMatchObject({ bg_stdout: "hello\n", bg_killed_at_end: true });
    expect(server!.bg_stderr).toMatch(/^Bound on 0\.0\.0\.0 53\nConnection received on 10\.0\.0\.1 \d+\n$/);
  });

  it("with -k serves one client after another", () => {
    const [server] = run("ip netns exec h2 nc -lk -p 80 &", "sleep 0.5", "echo one | ip netns exec h1 nc -N 10.0.0.2 80", "echo two | ip netns exec h1 nc -N 10.0.0.2 80");
    expect(server).toMatchObject({ bg_stdout: "one\ntwo\n", bg_killed_at_end: true });
  });
});
