/** Userland tools against GNU coreutils 9.1 / grep 3.8 / bash 5.2 output captured on Debian 12. */
import { describe, expect, it } from "vitest";
import { runLabScript } from "../run-script";

const step = (cmd: string) => runLabScript(cmd, { script: "t.lab" }).transcript.steps[0]!;
const out = (cmd: string) => step(cmd).stdout;

describe("echo", () => {
  it("handles -n, -e and \\c like bash's builtin; other dashes are text", () => {
    expect(out("echo -e 'a\\tb\\c'; echo -n x; echo")).toBe("a\tbx\n");
    expect(out("echo -x -- a")).toBe("-x -- a\n");
  });
});

describe("cat", () => {
  it("reports each unreadable file and goes on, exit 1", () => {
    expect(step("cat /etc /nope2 /etc/hostname")).toMatchObject({ exit: 1, stdout: "lab\n", stderr: "cat: /etc: Is a directory\ncat: /nope2: No such file or directory\n" });
    expect(step("cat /proc/sys/net/ipv4")).toMatchObject({ exit: 1, stderr: "cat: /proc/sys/net/ipv4: Is a directory\n" });
  });
});

describe("grep", () => {
  it("selects, inverts, counts, numbers, ignores case, matches words and only-matching parts", () => {
    expect(out("cat /etc/hosts | grep -i LOCALHOST")).toBe("127.0.0.1\tlocalhost\n::1     localhost ip6-localhost ip6-loopback\n");
    expect(out("cat /etc/hostname | grep -n -v x")).toBe("1:lab\n");
    expect(out("echo 'ab ab' | grep -o ab")).toBe("ab\nab\n");
    expect(out("echo 'ab abc' | grep -w -o ab")).toBe("ab\n");
    expect(out("echo y22 | grep -E '[0-9]{2}'")).toBe("y22\n");
    expect(out("echo 'a+b' | grep 'a+b'")).toBe("a+b\n");
    expect(out("echo 'x1' | grep '[[:digit:]]'")).toBe("x1\n");
  });

  it("exits 1 with no match (-c still prints 0), 2 on errors", () => {
    expect(step("echo x | grep -c q")).toMatchObject({ exit: 1, stdout: "0\n" });
    expect(step("grep x /nope4")).toMatchObject({ exit: 2, stderr: "grep: /nope4: No such file or directory\n" });
    expect(step("grep -q lab /nope4 /etc/hostname")).toMatchObject({ exit: 0 });
    expect(step("grep")).toMatchObject({ exit: 2, stderr: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n" });
  });
});

describe("head and tail", () => {
  it("take -n N and -N, and complain about a bad count", () => {
    expect(out("head -n 1 /etc/hosts")).toBe("127.0.0.1\tlocalhost\n");
    expect(out("tail -1 /etc/hosts")).toBe("ff02::2 ip6-allrouters\n");
    expect(out("head -n -6 /etc/hosts")).toBe("127.0.0.1\tlocalhost\n");
    expect(out("tail -n +7 /etc/hosts")).toBe("ff02::2 ip6-allrouters\n");
    expect(step("head -n x /etc/hostname")).toMatchObject({ exit: 1, stderr: "head: invalid number of lines: ‘x’\n" });
    expect(step("tail -n x /etc/hostname")).toMatchObject({ exit: 1, stderr: "tail: invalid number of lines: ‘x’\n" });
  });
});

describe("wc", () => {
  it("pads to 7 for a pipe, to the total size for files, and not at all for one count of one input", () => {
    expect(out("echo 'a b' | wc")).toBe("      1       2       4\n");
    expect(out("echo 'a b' | wc -lw")).toBe("      1       2\n");
    expect(out("echo 'a b' | wc -l")).toBe("1\n");
    expect(out("wc /etc/hostname")).toBe("1 1 4 /etc/hostname\n");
    expect(out("wc -l /etc/hosts /etc/hostname")).toBe("  7 /etc/hosts\n  1 /etc/hostname\n  8 total\n");
    expect(step("wc /nope5")).toMatchObject({ exit: 1, stderr: "wc: /nope5: No such file or directory\n" });
  });
});

describe("sleep and timeout", () => {
  it("sleep complains as coreutils does", () => {
    expect(step("sleep")).toMatchObject({ exit: 1, stderr: "sleep: missing operand\nTry 'sleep --help' for more information.\n" });
    expect(step("sleep 1x")).toMatchObject({ exit: 1, stderr: "sleep: invalid time interval ‘1x’\nTry 'sleep --help' for more information.\n" });
    expect(step("sleep 1m").elapsed_ms).toBe(60_000);
  });

  it("timeout kills at the limit (124), passes the status through, and reports what it cannot run", () => {
    expect(step("timeout 1 sleep 2")).toMatchObject({ exit: 124, elapsed_ms: 1000 });
    expect(step("timeout 2 false")).toMatchObject({ exit: 1, elapsed_ms: 0 });
    expect(step("timeout 1 nosuch")).toMatchObject({ exit: 127, stderr: "timeout: failed to run command ‘nosuch’: No such file or directory\n" });
    expect(step("timeout x true")).toMatchObject({ exit: 125, stderr: "timeout: invalid time interval ‘x’\nTry 'timeout --help' for more information.\n" });
    expect(step("timeout 1")).toMatchObject({ exit: 125, stderr: "Try 'timeout --help' for more information.\n" });
    expect(step("timeout -s KILL 1 true")).toMatchObject({ exit: 125, stderr: "timeout: option -s is not supported by this simulator\n" });
  });
});

describe("hostname and mkdir", () => {
  it("hostname prints lab and can be changed", () => {
    const steps = runLabScript("hostname\nhostname web\nhostname", { script: "t.lab" }).transcript.steps;
    expect(steps.map((s) => s.stdout)).toEqual(["lab\n", "", "web\n"]);
  });

  it("mkdir needs -p for missing parents and refuses an existing directory", () => {
    const steps = runLabScript("mkdir /tmp/a/b\nmkdir -p /tmp/a/b\nmkdir /tmp/a\necho x > /tmp/a/b/f && cat /tmp/a/b/f", { script: "t.lab" }).transcript.steps;
    expect(steps.map((s) => [s.exit, s.stderr])).toEqual([
      [1, "mkdir: cannot create directory ‘/tmp/a/b’: No such file or directory\n"],
      [0, ""],
      [1, "mkdir: cannot create directory ‘/tmp/a’: File exists\n"],
      [0, ""],
    ]);
    expect(steps[3]!.stdout).toBe("x\n");
  });
});
