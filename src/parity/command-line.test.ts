import { describe, expect, it } from "vitest";
import { pipelinesOf } from "./command-line";

describe("pipelinesOf", () => {
  it("splits lists and pipelines and unwraps ip netns exec and timeout", () => {
    expect(pipelinesOf("ip netns add a && timeout 2 ip netns exec a ping -c 1 10.0.0.2 | tail -n 2; echo done")).toEqual([
      [["ip", "netns", "add", "a"]],
      [["ping", "-c", "1", "10.0.0.2"], ["tail", "-n", "2"]],
      [["echo", "done"]],
    ]);
  });

  it("drops redirections and ignores a here-document body", () => {
    expect(pipelinesOf("ip netns exec a echo 0 > /proc/sys/net/ipv4/ip_forward 2>&1")).toEqual([[["echo", "0"]]]);
    expect(pipelinesOf("cat > /etc/hosts <<EOF\n10.0.0.2 web | x\nEOF")).toEqual([[["cat"]]]);
  });

  it("keeps quoted words whole and treats a trailing & as the end of a job", () => {
    expect(pipelinesOf("grep 'a b' file &")).toEqual([[["grep", "a b", "file"]]]);
  });
});
