/**
 * ss's layout against output captured from iproute2 6.1 in the parity
 * sandbox (stdout a pipe, so no screen width): the same fields must give
 * the same bytes, trailing blanks included.
 */
import { describe, expect, it } from "vitest";
import { runLabScript } from "../exec";
import { renderColumns, ssColumns } from "./ss-columns";
import { parseSsOptions } from "./ss-options";


describe("ss columns", () => {
  it("lays out `ss -tanp` as captured (widths from the longest field, addresses right-aligned)", () => {
    const rows = [
      ["tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "80", "0.0.0.0:", "*", ' users:(("nc",pid=137,fd=3))', ""],
      ["tcp", "ESTAB", "0     ", "0     ", "10.0.0.2:", "80", "10.0.0.1:", "49508", ' users:(("nc",pid=137,fd=4))', ""],
    ];
    expect(renderColumns(ssColumns(false, true), rows, true)).toBe(
      "State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process                     \n" +
        'LISTEN 0      1            0.0.0.0:80        0.0.0.0:*     users:(("nc",pid=137,fd=3))\n' +
        'ESTAB  0      0           10.0.0.2:80       10.0.0.1:49508 users:(("nc",pid=137,fd=4))\n',
    );
  });

  it("pads an empty Process column to its header, as `ss -ltn` prints", () => {
    const rows = [["tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "80", "0.0.0.0:", "*", "", ""]];
    expect(renderColumns(ssColumns(false, true), rows, true)).toBe(
      "State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n" + "LISTEN 0      1            0.0.0.0:80        0.0.0.0:*          \n",
    );
  });

  it("drops the State column when one state can show (`ss -u`) and shows Netid for two tables (`ss -tuan`)", () => {
    const udp = [["udp", "ESTAB", "0     ", "0     ", "10.0.0.1:", "38792", "10.0.0.2:", "domain", "", ""]];
    expect(renderColumns(ssColumns(false, false), udp, true)).toBe(
      "Recv-Q Send-Q Local Address:Port  Peer Address:Port  Process\n" + "0      0           10.0.0.1:38792     10.0.0.2:domain       \n",
    );
    const both = [
      ["udp", "ESTAB", "0     ", "0     ", "10.0.0.2:", "53", "10.0.0.1:", "38792", "", ""],
      ["tcp", "LISTEN", "0     ", "1     ", "0.0.0.0:", "80", "0.0.0.0:", "*", "", ""],
    ];
    expect(renderColumns(ssColumns(true, true), both, true)).toBe(
      "Netid State  Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n" +
        "udp   ESTAB  0      0           10.0.0.2:53       10.0.0.1:38792       \n" +
        "tcp   LISTEN 0      1            0.0.0.0:80        0.0.0.0:*           \n",
    );
  });

  it("prints the bare header for no sockets", () => {
    expect(renderColumns(ssColumns(false, true), [], true)).toBe("State Recv-Q Send-Q Local Address:Port Peer Address:PortProcess\n");
  });
});

describe("ss options", () => {
  it("chooses tables and states as ss does", () => {
    const tcp = parseSsOptions(["-tan"]);
    expect(tcp.ok && [tcp.value.tcp, tcp.value.udp, tcp.value.showNetid, tcp.value.showState]).toEqual([true, false, false, true]);
    const udp = parseSsOptions(["-u"]);
    expect(udp.ok && [udp.value.showState, [...udp.value.udpStates]]).toEqual([false, ["ESTABLISHED"]]);
    const listening = parseSsOptions(["-ltn"]);
    expect(listening.ok && [...listening.value.tcpStates]).toEqual(["LISTEN", "CLOSED"]);
  });

  it("answers a bad option with the usage and exit 255, and refuses what it does not model", () => {
    const bad = parseSsOptions(["-Q"]);
    expect(bad.ok || [bad.exit, bad.stderr.split("\n")[0]]).toEqual([255, "ss: invalid option -- 'Q'"]);
    const summary = parseSsOptions(["-s"]);
    expect(summary.ok || summary.stderr).toBe("ss: option -s is not supported by this simulator\n");
  });
});

describe("ss over the simulator's sockets", () => {
  it("lists a listener with its backlog and owner, and names the port without -n", () => {
    const script = [
      "ip netns add h2",
      "ip netns exec h2 ip link set lo up",
      "ip netns exec h2 nc -l -p 80 &",
      "sleep 0.5",
      "ip netns exec h2 ss -tlnp",
      "ip netns exec h2 ss -tl",
    ].join("\n");
    const steps = runLabScript(script, { script: "t.lab" }).transcript.steps;
    expect(steps[4]!.stdout).toBe(
      `State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess${" ".repeat(21)}\n` + 'LISTEN 0      1            0.0.0.0:80        0.0.0.0:*    users:(("nc",pid=100,fd=3))\n',
    );
    expect(steps[5]!.stdout).toContain("0.0.0.0:http ");
  });
});
