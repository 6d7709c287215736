import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ExplorerOptions, SplitPlan, SubnetFacts } from "./explorer-types";
import { describeSubnet, planBorrow, planSplits } from "./explorer";
import { formatIpv4, ipv4FromNumber } from "./ipv4";
import { formatIpv4Cidr, ipv4Contains, ipv4LastAddress, ipv4Network, parseIpv4Cidr } from "./ipv4-cidr";
import { ipv4Halves } from "./ipv4-split";
import { must } from "./problem";

const plain: ExplorerOptions = { cloud: false };
const cloud: ExplorerOptions = { cloud: true };
const facts = (input: string, options = plain): SubnetFacts => must(describeSubnet(input, options));
const plan = (root: string, split: string[], options = plain): SplitPlan => must(planSplits(root, split, options));

describe("describeSubnet", () => {
  it("describes a VPC block", () => {
    expect(facts("10.0.0.0/16")).toMatchObject({
      family: 4,
      cidr: "10.0.0.0/16",
      mask: "255.255.0.0",
      wildcard: "0.0.255.255",
      network: "10.0.0.0",
      broadcast: "10.0.255.255",
      firstUsable: "10.0.0.1",
      lastUsable: "10.0.255.254",
      totalAddresses: "65536",
      usableHosts: "65534",
      ipv4Class: { letter: "A", defaultPrefix: 8 },
      special: { name: "Private-Use", rfc: "RFC 1918" },
      reserved: null,
    });
  });

  it("shows that 192.168.1.255/24 is the broadcast address itself", () => {
    const f = facts("192.168.1.255/24");
    expect(f.broadcast).toBe(f.address);
    expect(f.lastUsable).toBe("192.168.1.254");
  });

  it("knows 172.16.0.0/12 is private", () => {
    expect(facts("172.16.0.0/12").special).toEqual({ cidr: "172.16.0.0/12", name: "Private-Use", rfc: "RFC 1918" });
  });

  it("keeps the typed address and marks the network bits", () => {
    const f = facts("10.0.3.7 255.255.0.0");
    expect(f.address).toBe("10.0.3.7");
    expect(f.cidr).toBe("10.0.0.0/16");
    expect(f.maskBits).toBe("1".repeat(16) + "0".repeat(16));
    expect(f.addressBits).toBe("00001010" + "00000000" + "00000011" + "00000111");
  });

  it("counts usable hosts as the block minus network and broadcast, for every prefix", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.integer({ min: 0, max: 32 }), (bits, prefix) => {
        const f = facts(`${formatIpv4(ipv4FromNumber(bits))}/${prefix}`);
        const overhead = f.broadcast === null ? 0 : 2;
        return Number(f.usableHosts) + overhead === Number(f.totalAddresses) && f.addressBits.length === 32;
      }),
    );
  });

  it("describes IPv6 without broadcast or classes", () => {
    expect(facts("2001:db8:0:1::10/64")).toMatchObject({
      family: 6,
      address: "2001:db8:0:1::10",
      cidr: "2001:db8:0:1::/64",
      mask: "ffff:ffff:ffff:ffff::",
      wildcard: null,
      broadcast: null,
      ipv4Class: null,
      firstUsable: "2001:db8:0:1::",
      lastUsable: "2001:db8:0:1:ffff:ffff:ffff:ffff",
      totalAddresses: "18446744073709551616",
      special: { name: "Documentation" },
    });
  });

  it("passes input problems through", () => {
    expect(describeSubnet("10.0.0.1/33", plain)).toMatchObject({ ok: false, problem: { offset: 9 } });
  });
});

describe("describeSubnet in cloud (AWS VPC) mode", () => {
  it("reserves the first four and the last address, leaving total − 5", () => {
    const f = facts("10.0.1.0/24", cloud);
    expect(f.usableHosts).toBe("251");
    expect(f.firstUsable).toBe("10.0.1.4");
    expect(f.lastUsable).toBe("10.0.1.254");
    expect(f.reserved?.map((r) => r.address)).toEqual(["10.0.1.0", "10.0.1.1", "10.0.1.2", "10.0.1.3", "10.0.1.255"]);
    expect(f.reserved?.map((r) => r.purpose).slice(0, 4)).toEqual([
      "network address",
      "VPC router",
      "DNS server",
      "reserved for future use",
    ]);
  });

  it("leaves 11 usable in the smallest AWS subnet, a /28", () => {
    expect(facts("10.0.0.16/28", cloud).usableHosts).toBe("11");
  });

  it("subtracts exactly five from every size AWS allows", () => {
    for (let prefix = 16; prefix <= 28; prefix++) {
      const f = facts(`10.0.0.0/${prefix}`, cloud);
      expect(Number(f.totalAddresses) - Number(f.usableHosts)).toBe(5);
    }
  });

  it("refuses sizes AWS refuses, pointing at the prefix", () => {
    const small = describeSubnet("10.0.0.0/29", cloud);
    expect(small).toMatchObject({ ok: false, problem: { offset: 9 } });
    if (!small.ok) expect(small.problem.message).toBe("AWS subnets are /16 to /28; 10.0.0.0/29 is smaller than AWS allows.");
    const large = describeSubnet("10.0.0.0/8", cloud);
    if (!large.ok) expect(large.problem.message).toContain("larger than AWS allows");
    expect(large.ok).toBe(false);
    const bare = describeSubnet("10.0.0.9", cloud);
    if (!bare.ok) expect(bare.problem.hint).toContain("bare address");
  });

  it("treats IPv6 subnets as /64 with the same five reservations", () => {
    const f = facts("2600:1f18:abc:de01::/64", cloud);
    expect(f.usableHosts).toBe(((1n << 64n) - 5n).toString());
    expect(f.firstUsable).toBe("2600:1f18:abc:de01::4");
    expect(f.reserved?.at(-1)?.address).toBe("2600:1f18:abc:de01:ffff:ffff:ffff:ffff");
    expect(describeSubnet("2600:1f18:abc:de00::/56", cloud).ok).toBe(false);
  });
});

describe("planSplits", () => {
  it("shows an unsplit root as one leaf", () => {
    const p = plan("10.0.0.0/24", []);
    expect(p.root).toBe("10.0.0.0/24");
    expect(p.leaves.map((l) => l.cidr)).toEqual(["10.0.0.0/24"]);
    expect(p.nodes).toEqual([]);
    expect(p.maxPrefix).toBe(8);
  });

  it("lists leaves in address order with the nodes that span them", () => {
    const p = plan("10.0.0.0/24", ["10.0.0.0/24", "10.0.0.0/25", "10.0.0.0/26"]);
    expect(p.leaves.map((l) => [l.cidr, l.depth])).toEqual([
      ["10.0.0.0/27", 3],
      ["10.0.0.32/27", 3],
      ["10.0.0.64/26", 2],
      ["10.0.0.128/25", 1],
    ]);
    expect(p.nodes).toEqual([
      { cidr: "10.0.0.0/24", depth: 0, firstLeaf: 0, lastLeaf: 3 },
      { cidr: "10.0.0.0/25", depth: 1, firstLeaf: 0, lastLeaf: 2 },
      { cidr: "10.0.0.0/26", depth: 2, firstLeaf: 0, lastLeaf: 1 },
    ]);
    expect(p.maxPrefix).toBe(5);
  });

  it("splits 10.0.0.0/16 into 256 /24s", () => {
    const split: string[] = [];
    for (let prefix = 16; prefix < 24; prefix++) {
      const size = 2 ** (32 - prefix);
      for (let start = 0; start < 65536; start += size) {
        split.push(`10.0.${Math.floor(start / 256)}.${start % 256}/${prefix}`);
      }
    }
    const p = plan("10.0.0.0/16", split);
    expect(p.leaves).toHaveLength(256);
    expect(p.leaves.every((l, i) => l.cidr === `10.0.${i}.0/24` && l.facts.usableHosts === "254")).toBe(true);
    expect(p.nodes).toHaveLength(255);
  });

  it("ignores stale entries: unsplit parent, outside the root, other family", () => {
    const p = plan("10.0.0.0/24", ["10.0.0.0/26", "10.0.1.0/24", "2001:db8::/32", "10.0.0.0/24"]);
    expect(p.leaves.map((l) => l.cidr)).toEqual(["10.0.0.0/25", "10.0.0.128/25"]);
  });

  it("rejects entries that are not address blocks", () => {
    const result = planSplits("10.0.0.0/24", ["10.0.0.0/24", "banana"], plain);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.message).toContain('Split entry 2 ("banana")');
    expect(planSplits("10.0.0.0/99", [], plain).ok).toBe(false);
  });

  it("stops at /28 in cloud mode and refuses a root AWS would refuse", () => {
    const p = plan("10.0.0.0/27", ["10.0.0.0/27", "10.0.0.0/28"], cloud);
    expect(p.leaves.map((l) => [l.cidr, l.canSplit])).toEqual([
      ["10.0.0.0/28", false],
      ["10.0.0.16/28", false],
    ]);
    expect(p.leaves[0]?.facts.usableHosts).toBe("11");
    expect(p.maxPrefix).toBe(0);
    expect(planSplits("10.0.0.0/8", [], cloud).ok).toBe(false);
  });

  it("splits an IPv6 VPC block down to /64 subnets in cloud mode", () => {
    const p = plan("2600:1f18:abc:de00::/63", ["2600:1f18:abc:de00::/63"], cloud);
    expect(p.leaves.map((l) => [l.cidr, l.canSplit])).toEqual([
      ["2600:1f18:abc:de00::/64", false],
      ["2600:1f18:abc:de01::/64", false],
    ]);
  });

  it("always partitions the root, with nodes spanning exactly the leaves inside them", () => {
    const clicks = fc.array(fc.nat({ max: 1000 }), { maxLength: 12 });
    fc.assert(
      fc.property(clicks, (picks) => {
        // Simulate a student clicking "split" on leaves, then check the plan.
        const split: string[] = [];
        let p = plan("192.168.0.0/22", split);
        for (const pick of picks) {
          const leaf = p.leaves[pick % p.leaves.length];
          if (!leaf?.canSplit) continue;
          split.push(leaf.cidr);
          p = plan("192.168.0.0/22", split);
        }
        const blocks = p.leaves.map((l) => must(parseIpv4Cidr(l.cidr)));
        const root = must(parseIpv4Cidr(p.root));
        const adjacent = blocks.every((b, i) => i === 0 || ipv4Network(b) === ipv4LastAddress(blocks[i - 1]!) + 1);
        const covers = ipv4Network(blocks[0]!) === ipv4Network(root) && ipv4LastAddress(blocks.at(-1)!) === ipv4LastAddress(root);
        const total = p.leaves.reduce((sum, l) => sum + Number(l.facts.totalAddresses), 0);
        const nodesSpanTheirLeaves = p.nodes.every((node) => {
          const block = must(parseIpv4Cidr(node.cidr));
          const halves = ipv4Halves(block);
          return (
            halves !== null &&
            blocks.every((leaf, i) => ipv4Contains(block, leaf) === (i >= node.firstLeaf && i <= node.lastLeaf))
          );
        });
        return adjacent && covers && total === 1024 && nodesSpanTheirLeaves && p.nodes.length === p.leaves.length - 1;
      }),
    );
  });
});

describe("planBorrow", () => {
  it("borrows 3 bits of class C 211.168.83.0 for 5 subnets: /27, 255.255.255.224", () => {
    expect(must(planBorrow("211.168.83.0", 5))).toEqual({
      network: "211.168.83.0/24",
      subnetsWanted: 5,
      borrowedBits: 3,
      newPrefix: 27,
      newMask: "255.255.255.224",
      subnetsMade: "8",
      hostsPerSubnet: "30",
      subnets: ["0", "32", "64", "96", "128", "160", "192", "224"].map((n) => `211.168.83.${n}/27`),
    });
  });

  it("uses a given prefix instead of the class", () => {
    const p = must(planBorrow("10.0.0.0/16", 256));
    expect([p.newPrefix, p.newMask, p.hostsPerSubnet, p.subnetsMade]).toEqual([24, "255.255.255.0", "254", "256"]);
    expect(p.subnets).toHaveLength(64);
    expect(p.subnets[63]).toBe("10.0.63.0/24");
  });

  it("borrows the fewest bits that give enough subnets", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1 << 16 }), (wanted) => {
        const p = must(planBorrow("10.0.0.0/8", wanted));
        const made = Number(p.subnetsMade);
        return made >= wanted && made / 2 < wanted && p.newPrefix === 8 + p.borrowedBits;
      }),
    );
  });

  it("keeps one subnet as the network itself", () => {
    expect(must(planBorrow("192.168.1.0/24", 1))).toMatchObject({ borrowedBits: 0, newPrefix: 24, subnets: ["192.168.1.0/24"] });
  });

  it("divides IPv6 networks too", () => {
    const p = must(planBorrow("2001:db8:abcd::/48", 200));
    expect([p.newPrefix, p.newMask, p.subnets[1]]).toEqual([56, "ffff:ffff:ffff:ff00::", "2001:db8:abcd:100::/56"]);
  });

  it("explains what cannot be done", () => {
    expect(planBorrow("192.168.1.0/24", 0).ok).toBe(false);
    expect(planBorrow("192.168.1.0/24", 2.5).ok).toBe(false);
    const tooMany = planBorrow("192.168.1.0/30", 8);
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.problem.message).toBe("8 subnets need 3 borrowed bits, but 192.168.1.0/30 has only 2 host bits.");
    expect(planBorrow("224.0.0.0", 2).ok).toBe(false);
    expect(planBorrow("2001:db8::", 2).ok).toBe(false);
  });

  it("lists subnets inside the network", () => {
    const p = must(planBorrow("172.16.0.0", 1000));
    const network = must(parseIpv4Cidr(p.network));
    expect(p.subnets.every((s) => ipv4Contains(network, must(parseIpv4Cidr(s))))).toBe(true);
    expect(formatIpv4Cidr(network)).toBe("172.16.0.0/16");
  });
});
