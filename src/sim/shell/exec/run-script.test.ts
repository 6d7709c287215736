import { describe, expect, it } from "vitest";
import { addNamespaces, wire } from "../../world/test-helpers";
import type { World } from "../../world";
import { runLabScript } from "./run-script";

const run = (source: string, setup?: (world: World) => void) => runLabScript(source, { script: "t.lab", ...(setup ? { setup } : {}) });
const steps = (source: string, setup?: (world: World) => void) => run(source, setup).transcript.steps;
const pair = (world: World): void => {
  addNamespaces(world, "a", "b");
  wire(world, "a", "a-eth0", "b", "b-eth0", "10.0.0.1/24", "10.0.0.2/24");
};

describe("the executor", () => {
  it("records one step per command line with its line, text, status and output", () => {
    const s = steps("# comment\necho one\n\necho a \\\n  b\n");
    expect(s.map(({ line, cmd, exit, stdout, stderr }) => ({ line, cmd, exit, stdout, stderr }))).toEqual([
      { line: 2, cmd: "echo one", exit: 0, stdout: "one\n", stderr: "" },
      { line: 4, cmd: "echo a   b", exit: 0, stdout: "a b\n", stderr: "" },
    ]);
  });

  it("reports an unknown command as bash does for a script file, with status 127", () => {
    const [step] = steps("\n\nfoo bar");
    expect(step).toMatchObject({ exit: 127, stderr: "t.lab: line 3: foo: command not found\n" });
    expect(steps("/bin/nosuch")[0]).toMatchObject({ exit: 127, stderr: "t.lab: line 1: /bin/nosuch: No such file or directory\n" });
    expect(steps("/bin/echo hi")[0]).toMatchObject({ exit: 0, stdout: "hi\n" });
  });

  it("says plainly that a real program it does not model is unsupported", () => {
    expect(steps("nft list ruleset")[0]).toMatchObject({ exit: 127, stderr: "t.lab: line 1: nft: this command is not supported by this simulator\n" });
  });

  it("runs && and || by the previous status and keeps $? (bash(1), Lists)", () => {
    expect(steps("false && echo no || echo yes; echo $?")[0]).toMatchObject({ stdout: "yes\n0\n", exit: 0 });
    expect(steps("true | false; echo st=$?")[0]!.stdout).toBe("st=1\n");
    expect(steps("! false; echo st=$?")[0]!.stdout).toBe("st=0\n");
    expect(steps("false\necho $?")[1]!.stdout).toBe("1\n");
  });

  it("pipes output through grep, head, tail and wc", () => {
    expect(steps("cat /etc/hosts | grep -c localhost")[0]!.stdout).toBe("2\n");
    expect(steps("cat /etc/hosts | head -n 2 | tail -n 1")[0]!.stdout).toBe("127.0.1.1\tlab\n");
    expect(steps("cat /etc/hosts | wc -l")[0]!.stdout).toBe("7\n");
    expect(steps("echo x | grep nothing")[0]).toMatchObject({ exit: 1, stdout: "" });
  });

  it("keeps shell variables across lines and expands them", () => {
    expect(steps("X=5\necho $X ${X}")[1]!.stdout).toBe("5 5\n");
  });

  it("redirects to files, appends, reads them back, and sends stderr where 2>&1 says", () => {
    const s = steps("echo a > /tmp/f\necho b >> /tmp/f\ncat < /tmp/f\ncat /nope 2>&1 | grep -c nope\ncat /nope 2>/dev/null");
    expect(s[2]!.stdout).toBe("a\nb\n");
    expect(s[3]!.stdout).toBe("1\n");
    expect(s[4]).toMatchObject({ exit: 1, stdout: "", stderr: "" });
  });

  it("fails a redirection as bash does: missing directory, missing input", () => {
    const s = steps("echo 7 > /nope/dir/file\ncat < /nope3");
    expect(s[0]).toMatchObject({ exit: 1, stderr: "t.lab: line 1: /nope/dir/file: No such file or directory\n" });
    expect(s[1]).toMatchObject({ exit: 1, stderr: "t.lab: line 2: /nope3: No such file or directory\n" });
  });

  it("writes /proc/sys through redirection; a refused value is echo's write error (measured on Debian 12)", () => {
    const s = steps("echo 1 > /proc/sys/net/ipv4/ip_forward\ncat /proc/sys/net/ipv4/ip_forward\necho x > /proc/sys/net/ipv4/ip_forward\necho 1 > /proc/sys/net/ipv4/nope");
    expect(s[1]!.stdout).toBe("1\n");
    expect(s[2]).toMatchObject({ exit: 1, stderr: "t.lab: line 3: echo: write error: Invalid argument\n" });
    expect(s[3]).toMatchObject({ exit: 1, stderr: "t.lab: line 4: /proc/sys/net/ipv4/nope: No such file or directory\n" });
  });

  it("runs a command inside a namespace with ip netns exec, but redirections stay the caller's (case 017)", () => {
    const result = run("ip netns exec a cat /proc/sys/net/ipv4/ip_forward\nip netns exec a echo 1 > /proc/sys/net/ipv4/ip_forward\ncat /proc/sys/net/ipv4/ip_forward", pair);
    expect(result.transcript.steps.map((s) => s.stdout)).toEqual(["0\n", "", "1\n"]);
    expect(result.world.namespace("a")!.sysctl.get("net.ipv4.ip_forward")).toEqual({ ok: true, value: "0" });
  });

  it("words ip netns exec's failures as iproute2 6.1 does", () => {
    const s = steps("ip netns exec nope true\nip netns exec\nip netns exec a\nip netns exec a nosuchcmd", pair);
    expect(s.map((x) => [x.exit, x.stderr])).toEqual([
      [255, 'Cannot open network namespace "nope": No such file or directory\n'],
      [1, "No netns name specified\n"],
      [1, "No command specified\n"],
      [1, 'exec of "nosuchcmd" failed: No such file or directory\n'],
    ]);
  });

  it("feeds a here-document to a command and into a file", () => {
    const s = steps("cat > /etc/hosts <<EOF\n10.0.0.2 b\nEOF\ncat /etc/hosts");
    expect(s.map((x) => x.stdout)).toEqual(["", "10.0.0.2 b\n"]);
  });

  it("sleep advances the virtual clock and the step's elapsed_ms", () => {
    const result = run("sleep 1.5\necho done");
    expect(result.transcript.steps.map((s) => s.elapsed_ms)).toEqual([1500, 0]);
    expect(result.world.now()).toBe(1_500_000);
  });

  it("records a background job at once and fills in its result when it ends", () => {
    const s = steps("sleep 2 && echo late &\necho now\nsleep 3");
    expect(s[0]).toMatchObject({ background: true, exit: 0, stdout: "", elapsed_ms: 0, bg_exit: 0, bg_stdout: "late\n", bg_stderr: "" });
    expect(s[0]!.bg_killed_at_end).toBeUndefined();
    expect(s[1]!.stdout).toBe("now\n");
  });

  it("gives jobs still running at the end one more second, then kills them (143)", () => {
    const result = run("sleep 0.5 && echo quick &\nsleep 5 && echo never &");
    const [quick, slow] = result.transcript.steps;
    expect(quick).toMatchObject({ bg_exit: 0, bg_stdout: "quick\n" });
    expect(slow).toMatchObject({ bg_exit: 143, bg_stdout: "", bg_killed_at_end: true });
    expect(result.world.now()).toBe(1_000_000);
  });

  it("stops at exit N with that status", () => {
    const result = run("echo a\nexit 3\necho b");
    expect(result.transcript.steps.map((s) => s.cmd)).toEqual(["echo a", "exit 3"]);
    expect(result.exit).toBe(3);
  });

  it("runs the lines before a syntax error, then records bash's message and status 2", () => {
    const result = run("echo ok\necho a |\n| b");
    expect(result.transcript.steps[0]!.stdout).toBe("ok\n");
    expect(result.transcript.steps[1]).toMatchObject({ exit: 2 });
    expect(result.transcript.steps[1]!.stderr).toMatch(/^t\.lab: line 3: syntax error near unexpected token `\|'/);
    expect(result.exit).toBe(2);
  });

  it("is deterministic for a seed", () => {
    const script = "ip netns exec a ping -c 2 -i 0.2 10.0.0.2\nip netns exec a traceroute -n 10.0.0.2";
    const one = JSON.stringify(run(script, pair).transcript);
    expect(JSON.stringify(run(script, pair).transcript)).toBe(one);
  });
});
