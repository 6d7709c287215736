import { describe, expect, it } from "vitest";
import type { Program } from "../../apps/process";
import type { Command, CommandContext } from "./command";
import { defaultRegistry } from "./default-registry";
import { ConfigWatch } from "./lab-session-config-watch";
import { CommandRegistry } from "./registry";

const ctx = {} as CommandContext;

describe("ConfigWatch", () => {
  it("moves its version while a command works, and says so during the work", () => {
    const watch = new ConfigWatch();
    const seen: boolean[] = [];
    const quick: Command = { name: "quick", run: () => (seen.push(watch.working), 0) };
    const registry = watch.watch(new CommandRegistry([quick]));
    const before = watch.version;
    expect(registry.get("quick")!.run([], ctx)).toBe(0);
    expect(seen).toEqual([true]);
    expect(watch.working).toBe(false);
    expect(watch.version).toBeGreaterThan(before);
  });

  it("reports each slice of a program's work, and a kill still runs the program's finally", () => {
    const watch = new ConfigWatch();
    const log: string[] = [];
    const slow: Command = {
      name: "slow",
      run: () =>
        (function* (): Program {
          try {
            log.push(`first ${watch.working}`);
            yield { until: 10 };
            log.push("never");
            return 0;
          } finally {
            log.push(`cleanup ${watch.working}`);
          }
        })(),
    };
    const program = watch.watch(new CommandRegistry([slow])).get("slow")!.run([], ctx) as Program;
    const idle = watch.version;
    expect(program.next()).toEqual({ done: false, value: { until: 10 } });
    expect(watch.version).toBeGreaterThan(idle);
    expect(watch.working).toBe(false);
    expect(program.return(143)).toEqual({ done: true, value: 143 });
    expect(log).toEqual(["first true", "cleanup true"]);
  });

  it("leaves commands that only look and send unreported, unless their output goes to a file", () => {
    const watch = new ConfigWatch();
    const seen: string[] = [];
    const command = (name: string, onlyObserves: (args: readonly string[]) => boolean): Command => ({
      name,
      onlyObserves,
      run: (args) => (seen.push(`${[name, ...args].join(" ")}: ${watch.working}`), 0),
    });
    const always = () => true;
    const registry = watch.watch(
      new CommandRegistry([command("ping", always), command("ip", (args) => args[0] === "netns" && args[1] === "exec"), command("timeout", always)]),
    );
    const toTerminal = { stdout: { write() {}, flush() {} }, stderr: { write() {}, flush() {} } } as unknown as CommandContext;
    const toFile = { ...toTerminal, stdout: { write() {}, flush() {}, toFile: true } } as unknown as CommandContext;
    const version = watch.version;
    registry.get("ping")!.run(["10.0.0.2"], toTerminal);
    registry.get("ip")!.run(["netns", "exec", "a", "ping", "10.0.0.2"], toTerminal);
    registry.get("timeout")!.run(["1", "ping", "10.0.0.2"], toTerminal);
    expect(watch.version).toBe(version);
    registry.get("ping")!.run(["10.0.0.2"], toFile);
    registry.get("ip")!.run(["link", "set", "a0", "up"], toTerminal);
    expect(seen).toEqual([
      "ping 10.0.0.2: false",
      "ip netns exec a ping 10.0.0.2: false",
      "timeout 1 ping 10.0.0.2: false",
      "ping 10.0.0.2: true",
      "ip link set a0 up: true",
    ]);
  });

  it("the shell's own commands say which of their uses only observe", () => {
    const registry = defaultRegistry();
    const observes = (name: string, ...args: string[]) => registry.get(name)!.onlyObserves?.(args) === true;
    expect(["ping", "traceroute", "nc", "sleep", "timeout"].every((name) => observes(name))).toBe(true);
    expect(observes("ip", "netns", "exec", "a", "ping", "10.0.0.2")).toBe(true);
    expect(observes("ip", "link", "set", "a0", "up")).toBe(false);
    expect(observes("ip", "netns", "add", "a")).toBe(false);
    expect(["sysctl", "iptables", "echo", "cat", "bridge"].some((name) => observes(name))).toBe(false);
  });
});
