import { describe, expect, it } from "vitest";
import { decodeFrame } from "../../wire";
import { eventWords, type EventWords } from "./event-words";
import { BRIDGE_LAB, ROUTER_LAB } from "./lab-session.fixtures";
import { runLabScript } from "./run-script";

/** Words for every event of a script's run (the topology no longer changes once the pings start). */
function wordsOf(script: string): EventWords[] {
  const run = runLabScript(script, { script: "words.lab", seed: 5 });
  return run.world.trace.since(0).events.map((event) => eventWords(event, run.world));
}

describe("event words: the first ping across the bridge", () => {
  const words = wordsOf(`${BRIDGE_LAB}ip netns exec ns1 ping -c 1 -W 1 192.168.1.20\n`);
  const frames = words.filter((w) => w.kind === "frame-sent" || w.kind === "frame-received");

  it("starts with ns1's broadcast ARP request, which crosses both bridge ports", () => {
    const request = frames.filter((w) => w.text.includes("who has 192.168.1.20"));
    expect(request[0]).toMatchObject({
      kind: "frame-sent", host: "ns1", protocol: "arp",
      text: "ns1 asks who has 192.168.1.20? tell 192.168.1.10 (ARP request, broadcast)",
      link: { id: "veth:if:ns1/veth1~if:root/veth1-br", direction: "out", from: "ns:ns1", to: "br:root/br0" },
    });
    const onPorts = request.filter((w) => w.device?.node === "br:root/br0").map((w) => [w.kind, w.device!.name]);
    expect(onPorts).toEqual([["frame-received", "veth1-br"], ["frame-sent", "veth2-br"]]);
    const flooded = request.find((w) => w.kind === "frame-sent" && w.device?.name === "veth2-br")!;
    expect(flooded.text).toMatch(/^br0 floods \(broadcast\) ARP request/);
    expect(flooded.link).toEqual({ id: "veth:if:ns2/veth2~if:root/veth2-br", direction: "out", from: "br:root/br0", to: "ns:ns2" });
    // The bridge also passes a broadcast up to its own host, along the bridge-host link.
    expect(request.find((w) => w.host === "root" && w.device?.name === "br0")?.link).toMatchObject({ id: "host:br:root/br0", from: "br:root/br0", to: "ns:root" });
  });

  it("has ns2 answer, the bridge forward the reply to the port it learned, then echo request and reply", () => {
    const replyMac = words.find((w) => w.kind === "arp-resolution" && w.host === "ns1" && w.text.includes("REACHABLE"))!.text.match(/at (\S+)/)![1];
    expect(frames.find((w) => w.host === "ns2" && w.kind === "frame-sent")?.text).toBe(`ns2 answers: 192.168.1.20 is at ${replyMac} (ARP reply)`);
    expect(frames.some((w) => w.text === `br0 forwards ARP reply: 192.168.1.20 is at ${replyMac} out veth1-br`)).toBe(true);
    const originated = frames.filter((w) => w.kind === "frame-sent" && w.protocol === "icmp" && w.device?.node.startsWith("ns:")).map((w) => w.text);
    expect(originated).toEqual(["ns1 → ns2: ICMP echo request seq 1 (out veth1)", "ns2 → ns1: ICMP echo reply seq 1 (out veth2)"]);
  });

  it("tags each entry by protocol and gives frames their bytes, in trace order", () => {
    expect(new Set(frames.map((w) => w.protocol))).toEqual(new Set(["arp", "icmp"]));
    expect(words.map((w) => w.index)).toEqual(words.map((_, i) => i));
    for (const w of frames) {
      expect(w.format).toBe("ethernet");
      expect(decodeFrame(w.bytes!).layers[0]!.protocol).toBe("ethernet");
    }
    expect(words.find((w) => w.kind === "arp-resolution")).toMatchObject({ protocol: "arp", device: { name: "veth1", node: "ns:ns1" } });
    expect(words.find((w) => w.kind === "arp-resolution")!.link).toBeUndefined();
  });
});

describe("event words: a router", () => {
  it("says a forwarded packet's TTL went down", () => {
    const words = wordsOf(`${ROUTER_LAB}ip netns exec a ping -c 1 10.0.1.2\n`);
    const forwarded = words.filter((w) => w.host === "r" && w.kind === "frame-sent" && w.protocol === "icmp").map((w) => w.text);
    expect(forwarded).toEqual([
      "r forwards to 10.0.1.2 out r1, TTL 64 → 63 (ICMP echo request seq 1, a → b)",
      "r forwards to 10.0.0.1 out r0, TTL 64 → 63 (ICMP echo reply seq 1, b → a)",
    ]);
  });

  it("words a drop where it happens, with the kernel's reason", () => {
    const words = wordsOf(`${ROUTER_LAB}ip netns exec a ping -c 1 -W 1 10.9.0.5\n`);
    const drops = words.filter((w) => w.drop);
    expect(drops.length).toBeGreaterThan(0);
    const atRouter = drops.find((w) => w.host === "r")!;
    expect(atRouter.drop!.reason).toBe("IP_INNOROUTES");
    expect(atRouter.text).toContain("dropped at r on r0: ICMP echo request seq 1, a → 10.9.0.5, no route to 10.9.0.5 (FIB lookup failed)");
    expect(atRouter.device).toEqual({ name: "r0", interface: "if:r/r0", node: "ns:r" });
    expect(words.some((w) => w.kind === "icmp-generated" && w.host === "r" && w.text.startsWith("r sends ICMP"))).toBe(true);
  });
});
