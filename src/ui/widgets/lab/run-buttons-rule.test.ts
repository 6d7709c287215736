// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { blocksOwnedBy, runButtonName, runnableBlock } from "./run-buttons-rule";

describe("runnableBlock", () => {
  it("reads the host from a `# host:` first line and one command a line", () => {
    expect(runnableBlock("# host: ns1\nping -c 1 192.168.1.20\n\n# then the table\nip neigh\n")).toEqual({
      host: "ns1",
      commands: ["ping -c 1 192.168.1.20", "ip neigh"],
    });
  });

  it("joins a line ending in a backslash to the next, as the lab script does", () => {
    expect(runnableBlock("# host: root\nip netns exec ns1 \\\n  ping -c 1 10.0.0.1")?.commands).toEqual(["ip netns exec ns1 ping -c 1 10.0.0.1"]);
  });

  it("leaves blocks without a host line, or with nothing to run, alone", () => {
    expect(runnableBlock("ip netns exec ns1 ping -c 1 192.168.1.20")).toBeNull();
    expect(runnableBlock("ping\n# host: ns1")).toBeNull();
    expect(runnableBlock("# host: ns1\n# only a comment\n")).toBeNull();
  });

  it("names the button by where and what it runs", () => {
    expect(runButtonName({ host: "ns1", commands: ["ping -c 1 192.168.1.20"] })).toBe("Run in ns1: ping -c 1 192.168.1.20");
    expect(runButtonName({ host: "root", commands: ["ip link", "ip route"] })).toBe("Run in root: ip link (and 1 more)");
  });
});

describe("blocksOwnedBy", () => {
  function page(): HTMLElement {
    const article = document.createElement("article");
    article.innerHTML = [
      "<pre><code># host: root\nip link</code></pre>",
      '<section data-lab="" id="a"><pre><code># host: ns1\ninside the lab</code></pre></section>',
      "<pre><code># host: ns1\nping -c 1 192.168.1.20</code></pre>",
      "<pre><code>echo not runnable</code></pre>",
      '<section data-lab="" id="b"></section>',
      "<pre><code># host: ns2\nip addr</code></pre>",
    ].join("");
    return article;
  }

  it("gives each block to the nearest lab before it, and earlier blocks to the first lab", () => {
    const article = page();
    const [a, b] = [article.querySelector("#a")!, article.querySelector("#b")!];
    expect(blocksOwnedBy(a, article).map(({ block }) => block.commands[0])).toEqual(["ip link", "ping -c 1 192.168.1.20"]);
    expect(blocksOwnedBy(b, article).map(({ block }) => block.commands[0])).toEqual(["ip addr"]);
  });
});
