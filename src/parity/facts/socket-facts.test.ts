import { describe, expect, it } from "vitest";
import { readGolden, selectCases } from "../cases";
import { extractFacts, type Fact } from "../facts";
import { netstatFacts } from "./netstat-facts";
import { ncStderrFacts } from "./nc-facts";
import { ssFacts } from "./ss-facts";

const context = { scriptMacs: new Set<string>() };

function factsOf(caseName: string, cmd: string): Record<string, string> {
  const facts: Fact[] = extractFacts(readGolden(selectCases([caseName])[0]!)!);
  return Object.fromEntries(facts.filter((f) => f.cmd === cmd).map((f) => [f.subject, f.value]));
}

describe("socket listing facts", () => {
  it("keep ss rows without spacing, ephemeral ports or pids, as a sorted set", () => {
    const facts = ssFacts(
      "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n" +
        'ESTAB  0      0           10.0.0.2:80       10.0.0.1:49508 users:(("nc",pid=137,fd=4))\n' +
        'LISTEN 0      1            0.0.0.0:80        0.0.0.0:*     users:(("nc",pid=137,fd=3))\n',
      context,
    );
    expect(facts).toEqual([
      ["ss header", "State Recv-Q Send-Q Local Address:Port Peer Address:Port Process"],
      ["ss socket 1", 'ESTAB 0 0 10.0.0.2:80 10.0.0.1:<ephemeral> users:(("nc",pid=<pid>,fd=4))'],
      ["ss socket 2", 'LISTEN 0 1 0.0.0.0:80 0.0.0.0:* users:(("nc",pid=<pid>,fd=3))'],
    ]);
  });

  it("keep netstat rows with the program but not its pid", () => {
    const facts = netstatFacts(
      "Active Internet connections (only servers)\n" +
        "Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    \n" +
        "tcp        0      0 10.0.0.1:49508          10.0.0.2:80             TIME_WAIT   -                   \n" +
        "tcp        0      0 0.0.0.0:80              0.0.0.0:*               LISTEN      137/nc              \n",
      context,
    );
    expect(facts.slice(2)).toEqual([
      ["netstat socket", "tcp 0 0 0.0.0.0:80 0.0.0.0:* LISTEN <pid>/nc"],
      ["netstat socket", "tcp 0 0 10.0.0.1:<ephemeral> 10.0.0.2:80 TIME_WAIT -"],
    ]);
  });

  it("hide the client port an nc listener reports, nothing else", () => {
    expect(ncStderrFacts("Listening on 0.0.0.0 80\nConnection received on 10.0.0.1 45678\n", context)).toEqual([
      ["stderr line 1", "Listening on 0.0.0.0 80"],
      ["stderr line 2", "Connection received on 10.0.0.1 <ephemeral>"],
    ]);
  });
});

describe("socket facts of the golden transcripts", () => {
  it("060: the client that closed first is in TIME-WAIT, the listener printed the data", () => {
    expect(factsOf("060", "ip netns exec h1 ss -tan")["ss socket 1"]).toBe("TIME-WAIT 0 0 10.0.0.1:<ephemeral> 10.0.0.2:80");
    expect(factsOf("060", "ip netns exec h2 nc -l -p 80 &")).toMatchObject({ "bg exit": "0", "bg stdout line 1": "hello" });
  });

  it("065: MASQUERADE shows in the listener's -v line and in the router's reply tuple", () => {
    expect(factsOf("065", "ip netns exec h2 nc -lvn -p 80 &")["bg stderr line 2"]).toBe("Connection received on 10.0.2.1 <ephemeral>");
    expect(factsOf("065", "ip netns exec r conntrack -L")["conntrack entry 1"]).toBe(
      "tcp 6 TIME_WAIT src=10.0.1.10 dst=10.0.2.20 sport=<ephemeral> dport=80 src=10.0.2.20 dst=10.0.2.1 sport=80 dport=<ephemeral> [ASSURED] mark=0 use=1",
    );
  });
});
