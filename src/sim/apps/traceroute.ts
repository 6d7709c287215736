/**
 * `traceroute` as Debian's traceroute 2.1.2 runs it by default: UDP probes to
 * ports 33434 and up, `-q` (3) per hop with TTL 1, 2, …, up to 16 in flight
 * at once, each on its own socket that receives the ICMP error about it
 * (IP_RECVERR). A Time Exceeded names a router; a Port Unreachable means the
 * target answered (the last hop); other unreachables end the trace with
 * `!N`, `!H`, `!X`… (traceroute.c: do_it, get_timeout, print_probe,
 * parse_icmp_res; RFC 792, RFC 1812 §5.2.7.1).
 *
 * Waiting (traceroute(8), "-w MAX,HERE,NEAR"): a probe is given up after MAX
 * seconds (5), or 3× the time a probe of the same hop took, or 10× that of a
 * later hop. Not modelled: check_expired()'s reshuffling of a late "final"
 * answer into an earlier silent probe, and the ICMP extensions (-e).
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from "../addr";
import type { SimTime } from "../core";
import { strerror } from "../link";
import { openUdpSocket, type SocketEvent, type UdpSocket } from "../stack";
import type { Program, ProgramContext } from "./process";
import { parseTracerouteOptions, type TracerouteOptions } from "./traceroute-options";

/** traceroute's default: up to 16 probes in flight (-N). */
const SIM_PROBES = 16;
/** 60-byte packets: 20 (IP) + 8 (UDP) + 32 data bytes. */
const DATA_BYTES = 32;
/** DEF_WAIT_PREC: 1 ms added to a measured time before multiplying it. */
const WAIT_PRECISION = 1000;

interface Probe {
  sendTime?: SimTime;
  recvTime?: SimTime;
  from?: Ipv4Address;
  done: boolean;
  final: boolean;
  note: string;
  socket?: UdpSocket;
}

export function* traceroute(argv: readonly string[], ctx: ProgramContext): Program {
  const parsed = parseTracerouteOptions(argv);
  if (!parsed.ok) {
    ctx.stderr.write(parsed.stderr);
    return parsed.exit;
  }
  const opts = parsed.value;
  const numeric = parseIpv4(opts.host);
  let dst: Ipv4Address;
  if (numeric.ok) dst = numeric.value;
  else {
    const found = ctx.resolveHost(opts.host);
    if ("error" in found) {
      ctx.stderr.write(`${opts.host}: ${found.error}\nCannot handle "host" cmdline arg \`${opts.host}' on position 1 (argc ${opts.hostPosition})\n`);
      return 2;
    }
    dst = found.address;
  }
  const probes: Probe[] = Array.from({ length: opts.maxHops * opts.probesPerHop }, () => ({ done: false, final: false, note: "" }));
  try {
    ctx.stdout.write(`traceroute to ${opts.host} (${formatIpv4(dst)}), ${opts.maxHops} hops max, ${20 + 8 + DATA_BYTES} byte packets`);
    if (opts.device !== undefined && !ctx.netns.device(opts.device)) {
      ctx.stderr.write("\nsetsockopt SO_BINDTODEVICE: No such device\n");
      return 1;
    }
    return yield* trace(probes, dst, opts, ctx);
  } finally {
    for (const p of probes) p.socket?.close();
  }
}

function* trace(probes: Probe[], dst: Ipv4Address, opts: TracerouteOptions, ctx: ProgramContext): Program {
  const q = opts.probesPerHop;
  const firstIndex = (opts.firstHop - 1) * q;
  let start = firstIndex;
  let end = probes.length;
  const timeout = (index: number): number => probeTimeout(probes, index, opts);
  while (start < end) {
    let num = 0;
    let nextTime: SimTime | undefined;
    const now = ctx.now();
    for (let n = start; n < end; n++) {
      const pb = probes[n]!;
      if (n === start && !pb.done && pb.sendTime !== undefined) {
        const expire = pb.sendTime + timeout(n);
        if (expire > now) nextTime = expire;
        else finish(pb);
      }
      if (pb.done) {
        if (n === start) {
          ctx.stdout.write(formatProbe(probes, n, q, opts.numeric, ctx));
          ctx.stdout.flush();
          start++;
        }
        if (pb.final) end = (Math.floor(n / q) + 1) * q;
        continue;
      }
      if (pb.sendTime === undefined) {
        const failure = send(pb, dst, Math.floor(n / q) + 1, opts.port + n - firstIndex, opts, ctx);
        if (failure) {
          ctx.stderr.write(`\n${failure}\n`);
          return 1;
        }
      }
      nextTime ??= pb.sendTime! + timeout(n);
      if (++num >= SIM_PROBES) break;
    }
    if (nextTime !== undefined) {
      const sockets = probes.filter((p) => p.socket && !p.done).map((p) => p.socket!);
      yield { until: nextTime, wakeOn: (wake) => subscribeAll(sockets, wake) };
      collect(probes);
    }
  }
  ctx.stdout.write("\n");
  return 0;
}

/** Sends probe `pb` with `ttl` from a socket of its own; the error text if sendto() fails at once. */
function send(pb: Probe, dst: Ipv4Address, ttl: number, port: number, opts: TracerouteOptions, ctx: ProgramContext): string | undefined {
  const socket = openUdpSocket(ctx.netns);
  if (!socket.ok) return `socket: ${strerror(socket.error.errno)}`;
  if (opts.device !== undefined) socket.value.bind({ dev: opts.device });
  pb.socket = socket.value;
  pb.sendTime = ctx.now();
  const sent = socket.value.sendTo({ dst, port, ttl, data: new Uint8Array(DATA_BYTES).map((_, i) => 0x40 + i) });
  if (!sent.ok) return `send: ${strerror(sent.error)}`;
  return undefined;
}

function subscribeAll(sockets: readonly UdpSocket[], wake: () => void): () => void {
  const offs = sockets.map((s) => s.onEvent(() => wake()));
  return () => offs.forEach((off) => off());
}

/** Reads each probe's socket: the first ICMP error about it answers it (recv_reply). */
function collect(probes: Probe[]): void {
  for (const pb of probes) {
    if (!pb.socket || pb.done) continue;
    const error = pb.socket.drain().find((e): e is Extract<SocketEvent, { kind: "icmp-error" }> => e.kind === "icmp-error");
    if (!error) continue;
    pb.from = error.from;
    pb.recvTime = error.time;
    applyIcmp(pb, error.type, error.code, error.nextHopMtu);
    finish(pb);
  }
}

/** parse_icmp_res: Time Exceeded (TTL) just names the hop; any unreachable is final, with its note. */
function applyIcmp(pb: Probe, type: number, code: number, mtu: number): void {
  if (type === 11 && code === 0) return;
  if (type === 3) {
    const notes: Record<number, string> = { 0: "!N", 6: "!N", 8: "!N", 11: "!N", 1: "!H", 7: "!H", 12: "!H", 9: "!X", 10: "!X", 13: "!X", 3: "", 2: "!P", 5: "!S", 14: "!V", 15: "!C" };
    pb.note = code === 4 ? `!F-${mtu}` : (notes[code] ?? `!<${code}>`);
  } else {
    pb.note = `!<${type}-${code}>`;
  }
  pb.final = true;
}

function finish(pb: Probe): void {
  pb.done = true;
  pb.socket?.close();
  pb.socket = undefined;
}

/** get_timeout(): how long probe `index` is waited for, in µs. */
function probeTimeout(probes: readonly Probe[], index: number, opts: TracerouteOptions): number {
  const max = opts.wait * 1_000_000;
  const answered = (p: Probe): number | undefined => (p.done && p.recvTime !== undefined && p.sendTime !== undefined && p.recvTime - p.sendTime > 0 ? p.recvTime - p.sendTime : undefined);
  if (opts.here > 0) {
    const first = index - (index % opts.probesPerHop);
    for (let i = first; i < first + opts.probesPerHop; i++) {
      const rtt = answered(probes[i]!);
      if (rtt !== undefined) return Math.min((rtt + WAIT_PRECISION) * opts.here, max);
    }
  }
  if (opts.near > 0) {
    for (let i = index + 1; i < probes.length && probes[i]!.sendTime !== undefined; i++) {
      const rtt = answered(probes[i]!);
      if (rtt !== undefined) return Math.min((rtt + WAIT_PRECISION) * opts.near, max);
    }
  }
  return max;
}

/** print_probe(): a hop number before its first probe; the address when it differs from the previous answer. */
function formatProbe(probes: readonly Probe[], index: number, q: number, numeric: boolean, ctx: ProgramContext): string {
  const pb = probes[index]!;
  const np = index % q;
  let text = np === 0 ? `\n${String(Math.floor(index / q) + 1).padStart(2)} ` : "";
  if (pb.from === undefined) text += " *";
  else {
    let previous: Probe | undefined;
    for (let i = index - 1; i >= index - np; i--) {
      if (probes[i]!.from !== undefined) {
        previous = probes[i];
        break;
      }
    }
    if (previous?.from !== pb.from) {
      const address = formatIpv4(pb.from);
      text += numeric ? ` ${address}` : ` ${ctx.reverseLookup(pb.from) ?? address} (${address})`;
    }
  }
  if (pb.recvTime !== undefined && pb.sendTime !== undefined) text += `  ${((pb.recvTime - pb.sendTime) / 1000).toFixed(3)} ms`;
  if (pb.note) text += ` ${pb.note}`;
  return text;
}
