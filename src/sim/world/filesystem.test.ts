import { describe, expect, it } from "vitest";
import { unwrap } from "../core";
import { FileSystem, normalizePath } from "./filesystem";
import { World } from "./world";

function machine() {
  const world = new World();
  const a = unwrap(world.netnsAdd("a"));
  return { world, a, fs: new FileSystem(), root: { netns: world.root } };
}

describe("the machine's file system", () => {
  it("starts as the parity sandbox's machine: named lab, its /etc files", () => {
    const { fs, root } = machine();
    expect(fs.read("/etc/hostname", root)).toEqual({ ok: true, value: "lab\n" });
    expect(unwrap(fs.read("/etc/hosts", root))).toContain("127.0.1.1\tlab\n");
    expect(unwrap(fs.read("/etc/nsswitch.conf", root))).toContain("hosts:          files dns\n");
  });

  it("shows /proc/sys/net of the reader's namespace and writes through to its sysctl", () => {
    const { fs, root, a } = machine();
    const inA = { netns: a, netnsName: "a" };
    expect(fs.write("/proc/sys/net/ipv4/ip_forward", "1\n", "truncate", inA)).toEqual({ ok: true, value: undefined });
    expect(fs.read("/proc/sys/net/ipv4/ip_forward", inA)).toEqual({ ok: true, value: "1\n" });
    expect(fs.read("/proc/sys/net/ipv4/ip_forward", root)).toEqual({ ok: true, value: "0\n" });
    expect(fs.read("/proc/sys/net/ipv4/conf/all/forwarding", inA)).toEqual({ ok: true, value: "1\n" });
    expect(fs.kind("/proc/sys/net/ipv4/conf", root)).toBe("dir");
    expect(fs.read("/proc/sys/net/ipv4", root)).toEqual({ ok: false, error: "EISDIR" });
    expect(fs.write("/proc/sys/net/ipv4/ip_forward", "x\n", "truncate", root)).toEqual({ ok: false, error: "EINVAL" });
    expect(fs.write("/proc/sys/net/ipv4/nope", "1\n", "truncate", root)).toEqual({ ok: false, error: "ENOENT" });
  });

  it("inside ip netns exec NS, /etc/netns/NS/FILE stands in for /etc/FILE", () => {
    const { fs, root, a } = machine();
    unwrap(fs.mkdir("/etc/netns/a", true));
    unwrap(fs.write("/etc/netns/a/resolv.conf", "nameserver 10.0.0.53\n", "truncate", root));
    expect(fs.read("/etc/resolv.conf", { netns: a, netnsName: "a" })).toEqual({ ok: true, value: "nameserver 10.0.0.53\n" });
    expect(unwrap(fs.read("/etc/resolv.conf", root))).not.toContain("10.0.0.53");
    expect(fs.read("/etc/hosts", { netns: a, netnsName: "a" })).toEqual(fs.read("/etc/hosts", root));
  });

  it("creates files only in existing directories; mkdir -p makes the parents", () => {
    const { fs, root } = machine();
    expect(fs.write("/srv/www/index.html", "hi", "truncate", root)).toEqual({ ok: false, error: "ENOENT" });
    expect(fs.mkdir("/srv/www", false)).toEqual({ ok: false, error: "ENOENT" });
    unwrap(fs.mkdir("/srv/www", true));
    unwrap(fs.write("/srv/www/index.html", "hi", "truncate", root));
    unwrap(fs.write("/srv/www/index.html", "!", "append", root));
    expect(fs.read("/srv/www/index.html", root)).toEqual({ ok: true, value: "hi!" });
    expect(fs.mkdir("/srv/www/index.html/x", true)).toEqual({ ok: false, error: "ENOTDIR" });
  });

  it("normalizes paths; relative ones start at /root", () => {
    expect([normalizePath("/etc//netns/../hosts"), normalizePath("notes.txt"), normalizePath("/")]).toEqual(["/etc/hosts", "/root/notes.txt", "/"]);
  });
});
