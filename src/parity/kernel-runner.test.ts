import { execFileSync } from "node:child_process";
import { hostname } from "node:os";
import { describe, expect, it } from "vitest";
import { checkKernelAvailability } from "./kernel-availability";
import { runOnKernel, ScriptSyntaxError } from "./kernel-runner";

// These run the real sandbox, so only where it can run (root, unshare, nsenter).
const availability = checkKernelAvailability();
const onKernel = it.skipIf(!availability.available);

const SCRIPT = [
  "# each step on its own",
  "echo out; echo err >&2; false",
  "ip -o link | wc -l",
  "sleep 30 &",
  "ip netns add t1 && ip netns exec t1 cat /proc/sys/net/ipv4/ip_forward",
  "sysctl -w net.ipv4.ip_forward=1",
  "ip netns add t2 && ip netns exec t2 cat /proc/sys/net/ipv4/ip_forward",
  "ip netns exec t2 sysctl net.bridge.bridge-nf-call-iptables",
  "hostname",
  "",
].join("\n");

function hostState(): string {
  const run = (...args: string[]): string => execFileSync("ip", args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return [run("-o", "link").replace(/\s+/g, " "), run("netns", "list"), hostname()].join("\n");
}

describe("runOnKernel", () => {
  onKernel("records each step's own output and exit, and kills a job still running at the end", { timeout: 30_000 }, async () => {
    const transcript = await runOnKernel("unit.lab", SCRIPT);
    const byLine = Object.fromEntries(transcript.steps.map((s) => [s.line, s]));
    expect(transcript.script).toBe("unit.lab");
    expect(byLine[2]).toMatchObject({ cmd: "echo out; echo err >&2; false", exit: 1, stdout: "out\n", stderr: "err\n" });
    // A fresh machine: only lo, nothing of the host's.
    expect(byLine[3]).toMatchObject({ exit: 0, stdout: "1\n" });
    expect(byLine[4]).toMatchObject({ exit: 0, background: true, bg_exit: 143, bg_killed_at_end: true, bg_stdout: "" });
    expect(byLine[9]).toMatchObject({ stdout: "lab\n" });
  });

  onKernel("makes new namespaces inherit the root namespace's forwarding, as on a real machine", { timeout: 30_000 }, async () => {
    const transcript = await runOnKernel("unit.lab", SCRIPT);
    const stdout = (line: number): string | undefined => transcript.steps.find((s) => s.line === line)?.stdout;
    expect(stdout(5)).toBe("0\n");
    expect(stdout(7)).toBe("1\n");
    expect(stdout(8)).toBe("net.bridge.bridge-nf-call-iptables = 0\n");
  });

  onKernel("leaves the host's links, namespaces and name as they were", { timeout: 30_000 }, async () => {
    const before = hostState();
    await runOnKernel("unit.lab", "ip link add br9 type bridge\nip netns add leak-test\nhostname other\n");
    expect(hostState()).toBe(before);
  });

  it("refuses a script bash could not parse, before touching the kernel", async () => {
    await expect(runOnKernel("broken.lab", "echo a &&\n")).rejects.toBeInstanceOf(ScriptSyntaxError);
  });
});
