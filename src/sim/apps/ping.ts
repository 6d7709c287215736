/**
 * `ping` as iputils 20221126 behaves on Linux (ping/ping.c, ping_common.c):
 * one echo request per interval, replies and ICMP errors printed as they
 * come, statistics at the end. Times are virtual (the veth and loopback
 * latencies of the model), so a run is the same every time.
 *
 * Exit status (ping(8), "EXIT STATUS"; main_loop/finish): 0 if any reply
 * came back (with -w and -c: all of them), 1 if none, 2 for an error before
 * anything was sent.
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from "../addr";
import type { SimTime } from "../core";
import { strerror } from "../link";
import { openPingSocket, type PingSocket, type SocketEvent } from "../stack";
import { describeIcmpError } from "./ping-icmp-text";
import { parsePingOptions, type PingOptions } from "./ping-options";
import { formatPingStatistics, PingStatistics } from "./ping-statistics";
import type { Program, ProgramContext } from "./process";

const BROADCAST_REFUSED = "ping: Do you want to ping broadcast? Then -b. If not, check your local firewall rules\n";

export function* ping(argv: readonly string[], ctx: ProgramContext): Program {
  const parsed = parsePingOptions(argv);
  if (!parsed.ok) {
    if (parsed.stdout) ctx.stdout.write(parsed.stdout);
    ctx.stderr.write(parsed.stderr);
    return parsed.exit;
  }
  if (parsed.warnings) ctx.stderr.write(parsed.warnings);
  const opts = parsed.value;
  const target = resolveTarget(opts.destination, ctx);
  if ("error" in target) {
    ctx.stderr.write(`ping: ${opts.destination}: ${target.error}\n`);
    return 2;
  }
  const socket = openPingSocket(ctx.netns, ctx.netns.rng.intBetween(1, 0xffff));
  try {
    const setup = prepare(socket, target.address, opts, ctx);
    if (typeof setup === "number") return setup;
    return yield* run(socket, target, setup, opts, ctx);
  } finally {
    socket.close();
  }
}

interface Target {
  /** What the user typed, as the header and statistics name it. */
  readonly name: string;
  readonly address: Ipv4Address;
  /** Replies are printed as "name (address)" only when the user gave a name and not -n. */
  readonly numeric: boolean;
}

function resolveTarget(destination: string, ctx: ProgramContext): Target | { readonly error: string } {
  const numeric = parseIpv4(destination);
  // 0.0.0.0 means "this host": Linux delivers it to 127.0.0.1 (measured: PING 0.0.0.0 (127.0.0.1)).
  if (numeric.ok) return { name: destination, address: numeric.value === 0 ? (0x7f000001 as Ipv4Address) : numeric.value, numeric: true };
  const found = ctx.resolveHost(destination);
  if ("error" in found) return found;
  return { name: destination, address: found.address, numeric: false };
}

interface Setup {
  /** The header's "from SRC DEV: " part, present with -I. */
  readonly from: string;
}

/** Socket options and the probe connect() ping does before its header; a number is an exit status. */
function prepare(socket: PingSocket, dst: Ipv4Address, opts: PingOptions, ctx: ProgramContext): Setup | number {
  let device: string | undefined;
  if (opts.bindTo !== undefined) {
    const address = parseIpv4(opts.bindTo);
    if (address.ok) {
      const bound = socket.bind({ src: address.value });
      if (!bound.ok) return fail(ctx, `ping: bind: ${strerror(bound.error.errno)}\n`);
    } else {
      const bound = socket.bind({ dev: opts.bindTo });
      if (!bound.ok) return fail(ctx, `ping: SO_BINDTODEVICE ${opts.bindTo}: ${strerror(bound.error.errno)}\n`);
      device = opts.bindTo;
    }
  }
  if (opts.ttl === 0) return fail(ctx, "ping: cannot set unicast time-to-live: Invalid argument\n");
  const route = socket.routeTo(dst);
  if (!route.ok) return fail(ctx, route.error === "EACCES" ? BROADCAST_REFUSED : `ping: connect: ${strerror(route.error)}\n`);
  if (route.value.type === "broadcast") {
    if (!opts.broadcast) return fail(ctx, BROADCAST_REFUSED);
    ctx.stderr.write("WARNING: pinging broadcast address\n");
  }
  return { from: opts.bindTo === undefined ? "" : `from ${formatIpv4(route.value.src)} ${device ?? ""}: ` };
}

function fail(ctx: ProgramContext, message: string): number {
  ctx.stderr.write(message);
  return 2;
}

/** The payload iputils sends: a timestamp, then the bytes 0x10, 0x11, … (fill pattern after the timeval). */
function payload(size: number, now: SimTime): Uint8Array {
  const data = new Uint8Array(size).map((_, i) => i & 0xff);
  if (size >= 16) {
    const view = new DataView(data.buffer);
    view.setBigUint64(0, BigInt(Math.floor(now / 1_000_000)), true);
    view.setBigUint64(8, BigInt(now % 1_000_000), true);
  }
  return data;
}

function* run(socket: PingSocket, target: Target, setup: Setup, opts: PingOptions, ctx: ProgramContext): Program {
  const dst = formatIpv4(target.address);
  ctx.stdout.write(`PING ${target.name} (${dst}) ${setup.from}${opts.size}(${opts.size + 28}) bytes of data.\n`);
  const stats = new PingStatistics();
  const start = ctx.now();
  const sentAt = new Map<number, SimTime>();
  const deadlineAt = opts.deadline !== undefined ? start + opts.deadline : Infinity;
  let lingerAt = Infinity;
  let nextSend = start;
  const show = (address: Ipv4Address): string => {
    const text = formatIpv4(address);
    return target.numeric || opts.numeric ? text : `${ctx.reverseLookup(address) ?? text} (${text})`;
  };
  const receive = (event: SocketEvent): void => {
    if (event.kind === "echo-reply") {
      const rtt = event.time - (sentAt.get(event.sequence) ?? event.time);
      const duplicate = stats.reply(event.sequence, rtt);
      if (!opts.quiet) ctx.stdout.write(`${event.data.length + 8} bytes from ${show(event.from)}: icmp_seq=${event.sequence} ttl=${event.ttl} time=${formatRtt(rtt)}${duplicate ? " (DUP!)" : ""}\n`);
    } else if (event.kind === "icmp-error" && event.quoted.sequence !== undefined) {
      stats.error(event.quoted.sequence);
      if (!opts.quiet) ctx.stdout.write(`From ${show(event.from)} icmp_seq=${event.quoted.sequence} ${describeIcmpError(event.type, event.code, event.nextHopMtu)}\n`);
    } else {
      return;
    }
    // iputils flushes stdout once it has heard something (measured: a killed `ping -q` keeps its header only after a reply).
    ctx.stdout.flush();
  };
  // Ctrl-C: stop sending and print the statistics (sigexit), instead of dying silently.
  const releaseSigint = ctx.sigint?.catch();
  const finished = (): boolean =>
    ctx.sigint?.received === true ||
    (opts.count !== undefined && stats.received + stats.errors >= opts.count) || (opts.deadline !== undefined && stats.errors > 0) || ctx.now() >= Math.min(deadlineAt, lingerAt);
  for (;;) {
    for (const event of socket.drain()) receive(event);
    if (finished()) break;
    while (ctx.now() >= nextSend && (opts.count === undefined || stats.transmitted < opts.count)) {
      const sequence = (stats.transmitted + 1) & 0xffff;
      sentAt.set(sequence, ctx.now());
      const sent = socket.sendEcho({ dst: target.address, sequence, data: payload(opts.size, ctx.now()), ...(opts.ttl !== undefined ? { ttl: opts.ttl } : {}) });
      stats.transmit(ctx.now());
      // A hard local error: iputils counts the request as transmitted, prints the errno unless -q, and adds no "+N errors" —
      // those count ICMP errors, like the one an OUTPUT REJECT sends back before sendmsg() fails (stack/local-reject.ts).
      if (!sent.ok && !opts.quiet) ctx.stderr.write(`ping: sendmsg: ${strerror(sent.error)}\n`);
      nextSend = ctx.now() + opts.interval;
      // __schedule_exit: after the last request, wait 2×the slowest reply (at least one interval) if any came back, else -W.
      // A zero wait arms no timer at all (setitimer with 0 disarms it): `-W 0` waits until the replies come.
      if (opts.count !== undefined && stats.transmitted >= opts.count) {
        const wait = stats.received > 0 ? Math.max(2 * stats.maxRtt, opts.interval) : opts.linger;
        lingerAt = wait > 0 ? ctx.now() + wait : Infinity;
      }
      if (opts.interval === 0) break;
    }
    for (const event of socket.drain()) receive(event);
    if (finished()) break;
    const moreToSend = opts.count === undefined || stats.transmitted < opts.count;
    yield { until: Math.min(moreToSend ? nextSend : Infinity, deadlineAt, lingerAt), wakeOn: (wake) => wakeOnReplyOrSigint(socket, ctx, wake) };
  }
  releaseSigint?.();
  ctx.stdout.write(formatPingStatistics(target.name, stats));
  const allAnswered = opts.deadline === undefined || opts.count === undefined || stats.received >= opts.count;
  return stats.received > 0 && allAnswered ? 0 : 1;
}

function wakeOnReplyOrSigint(socket: PingSocket, ctx: ProgramContext, wake: () => void): () => void {
  const stopReplies = socket.onEvent(() => wake());
  const stopSigint = ctx.sigint?.onSignal(wake);
  return () => {
    stopReplies();
    stopSigint?.();
  };
}

/** gather_statistics: three significant decimals below 1 ms, fewer above (µs in, text out). */
export function formatRtt(us: number): string {
  if (us >= 100_000 - 50) return `${Math.floor((us + 500) / 1000)} ms`;
  if (us >= 10_000 - 5) return `${Math.floor((us + 50) / 1000)}.${Math.floor(((us + 50) % 1000) / 100)} ms`;
  if (us >= 1000) return `${Math.floor((us + 5) / 1000)}.${String(Math.floor(((us + 5) % 1000) / 10)).padStart(2, "0")} ms`;
  return `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, "0")} ms`;
}
