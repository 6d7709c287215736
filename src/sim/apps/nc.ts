/**
 * `nc` as netcat-openbsd 1.219 behaves on Debian 12 (netcat.c): a TCP or
 * UDP client that connects to each port given in turn, or a listener
 * (-l) that serves one connection (or one after another with -k); data
 * flows as nc-readwrite.ts says. Texts and exit statuses measured on the
 * real program:
 *
 *   connect to 10.0.0.2 port 81 (tcp) failed: Connection refused     (-v, stderr)
 *   connect to 10.0.0.2 port 81 (tcp) timed out: Operation now in progress   (-v -w)
 *   Connection to 10.0.0.2 80 port [tcp/http] succeeded!           (-v, stderr)
 *   Listening on 0.0.0.0 80 / Bound on 0.0.0.0 53 / Connection received on 10.0.0.1 45678
 *
 * Exit status: a client exits 0 if any port connected, else 1; a listener
 * 0; option and name errors 1. Without -n the listener's -v messages look
 * the address up (getnameinfo): with no name server reachable, an address
 * /etc/hosts does not name gives "nc: getnameinfo: Temporary failure in
 * name resolution" instead of the line — as in the parity sandbox.
 *
 * Descriptors, for ss -p: the listening or connecting socket is fd 3, an
 * accepted connection fd 4. Not modelled: IPv6 (a name is tried for its
 * IPv4 address only), proxies, -U, TLS, telnet, -r, -i, -T and the other
 * refused options (nc-options.ts).
 */
import { formatIpv4, parseIpv4, type Ipv4Address } from "../addr";
import { openTcpSocket, openUdpSocket, socketStrerror, type SocketErrno, type SocketOwner, type TcpSocket, type UdpSocket } from "../stack";
import { tcpEndpoint, udpEndpoint } from "./nc-endpoint";
import { parseNcOptions, strtonum, type NcOptions } from "./nc-options";
import { readwrite } from "./nc-readwrite";
import { serviceName, servicePort, type ServiceProtocol } from "./net-services";
import type { Program, ProgramContext, Wait } from "./process";
import { encodeUtf8 } from "./utf8";

/** The process the shell runs nc as (ss -p shows its pid). */
export interface NcProcess {
  readonly pid: number;
}

/** SO_ERROR-style failures plus the one nc reports after a select() timeout. */
type ConnectFailure = { readonly errno: SocketErrno; readonly timedOut: boolean };

const EAI_AGAIN = "Temporary failure in name resolution";
const EAI_NONAME = "Name or service not known";
const EAI_SERVICE = "Servname not supported for ai_socktype";

export function* nc(argv: readonly string[], ctx: ProgramContext, proc: NcProcess = { pid: 0 }): Program {
  const parsed = parseNcOptions(argv);
  if (!parsed.ok) {
    ctx.stderr.write(parsed.stderr);
    return parsed.exit;
  }
  const sockets: { close(): void }[] = [];
  try {
    return parsed.value.listen ? yield* listener(parsed.value, ctx, proc, sockets) : yield* client(parsed.value, ctx, proc, sockets);
  } finally {
    // exit(): the kernel closes whatever is still open.
    for (const socket of sockets) socket.close();
  }
}

function proto(opts: NcOptions): ServiceProtocol {
  return opts.udp ? "udp" : "tcp";
}

/** getaddrinfo for a host: numeric, else (without -n) /etc/hosts then DNS, which no server answers. */
function resolveHost(host: string, opts: NcOptions, ctx: ProgramContext): { address: Ipv4Address } | { error: string } {
  const numeric = parseIpv4(host);
  if (numeric.ok) return { address: numeric.value };
  if (opts.numeric) return { error: EAI_NONAME };
  const found = ctx.resolveHost(host);
  return "error" in found ? { error: found.error } : { address: found.address };
}

/** getaddrinfo's service lookup: a number (taken modulo 2^16 as htons does) or a name from /etc/services. */
function resolveService(text: string, protocol: ServiceProtocol): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) & 0xffff;
  return servicePort(text, protocol);
}

/** build_ports(): names, single ports and lo-hi ranges (in increasing order), or the errx text. */
function buildPorts(specs: readonly string[], protocol: ServiceProtocol): number[] | string {
  const ports: number[] = [];
  for (const spec of specs) {
    const named = servicePort(spec, protocol);
    if (named !== undefined) {
      ports.push(named);
      continue;
    }
    const dash = /^\d/.test(spec) ? spec.indexOf("-") : -1;
    if (dash >= 0) {
      const hi = strtoport(spec.slice(dash + 1));
      if (typeof hi === "string") return hi;
      const lo = strtoport(spec.slice(0, dash));
      if (typeof lo === "string") return lo;
      for (let p = Math.min(lo, hi); p <= Math.max(lo, hi); p++) ports.push(p);
      continue;
    }
    const port = strtoport(spec);
    if (typeof port === "string") return port;
    ports.push(port);
  }
  return ports;
}

function strtoport(text: string): number | string {
  const n = strtonum(text, 1, 65535);
  return "error" in n ? `nc: port number ${n.error}: ${text}\n` : n.value;
}

function fail(ctx: ProgramContext, message: string): number {
  ctx.stderr.write(message);
  return 1;
}

// ---- client ------------------------------------------------------------------

function* client(opts: NcOptions, ctx: ProgramContext, proc: NcProcess, sockets: { close(): void }[]): Program {
  const protocol = proto(opts);
  const ports = buildPorts(opts.ports, protocol);
  if (typeof ports === "string") return fail(ctx, ports);
  const host = opts.host!;
  let status = 1;
  for (const port of ports) {
    const target = resolveHost(host, opts, ctx);
    if ("error" in target) return fail(ctx, `nc: getaddrinfo for host "${host}" port ${port}: ${target.error}\n`);
    const owner: SocketOwner = { command: "nc", pid: proc.pid, fd: 3 };
    const opened = openClientSocket(opts, ctx, owner);
    if (typeof opened === "number") return opened;
    sockets.push(opened);
    const ipText = formatIpv4(target.address);
    const outcome = opened.kind === "tcp" ? yield* connectTcp(opened.socket, target.address, port, opts, ctx) : connectUdp(opened.socket, target.address, port);
    if (outcome) {
      if (opts.verbose) {
        const who = opts.numeric || host === ipText ? host : `${host} (${ipText})`;
        ctx.stderr.write(`nc: connect to ${who} port ${port} (${protocol}) ${outcome.timedOut ? "timed out" : "failed"}: ${socketStrerror(outcome.errno)}\n`);
      }
      opened.close();
      continue;
    }
    status = 0;
    if (opts.verbose) {
      if (opened.kind === "udp" && !(yield* udptest(opened.socket, opts, ctx))) {
        status = 1;
        opened.close();
        continue;
      }
      const service = opts.numeric ? undefined : serviceName(port, protocol);
      const shown = !opts.numeric && host !== ipText ? ` (${ipText})` : "";
      ctx.stderr.write(`Connection to ${host}${shown} ${port} port [${protocol}/${service ?? "*"}] succeeded!\n`);
    }
    if (!opts.zeroIo) {
      const net = opened.kind === "tcp" ? tcpEndpoint(opened.socket) : udpEndpoint(opened.socket);
      const end = yield* readwrite(net, opts, ctx, () => opened.close());
      if (end === "exited") return 0;
    }
    opened.close();
  }
  return status;
}

type ClientSocket = ({ readonly kind: "tcp"; readonly socket: TcpSocket } | { readonly kind: "udp"; readonly socket: UdpSocket }) & { close(): void };

/** socket(), and bind() when -s or -p asks for a local address or port (without SO_REUSEADDR). */
function openClientSocket(opts: NcOptions, ctx: ProgramContext, owner: SocketOwner): ClientSocket | number {
  let address = 0 as Ipv4Address;
  let port = 0;
  if (opts.sourceAddress !== undefined || opts.sourcePort !== undefined) {
    if (opts.sourceAddress !== undefined) {
      const found = resolveHost(opts.sourceAddress, opts, ctx);
      if ("error" in found) return fail(ctx, `nc: getaddrinfo: ${found.error === EAI_AGAIN ? EAI_AGAIN : EAI_NONAME}\n`);
      address = found.address;
    }
    if (opts.sourcePort !== undefined) {
      const found = resolveService(opts.sourcePort, proto(opts));
      if (found === undefined) return fail(ctx, `nc: getaddrinfo: ${EAI_SERVICE}\n`);
      port = found;
    }
  }
  const bindWanted = opts.sourceAddress !== undefined || opts.sourcePort !== undefined;
  if (opts.udp) {
    if (address !== 0 && !ctx.netns.isLocalAddress(address)) return fail(ctx, `nc: bind failed: ${socketStrerror("EADDRNOTAVAIL")}\n`);
    const udp = openUdpSocket(ctx.netns, port === 0 ? undefined : port);
    if (!udp.ok) return fail(ctx, `nc: bind failed: ${socketStrerror(udp.error.errno)}\n`);
    udp.value.owner = owner;
    if (address !== 0) udp.value.bind({ src: address });
    return { kind: "udp", socket: udp.value, close: () => udp.value.close() };
  }
  const tcp = openTcpSocket(ctx.netns, owner);
  if (bindWanted) {
    const bound = tcp.bind(address, port);
    if (!bound.ok) return fail(ctx, `nc: bind failed: ${socketStrerror(bound.error)}\n`);
  }
  return { kind: "tcp", socket: tcp, close: () => tcp.close() };
}

/** connect_with_timeout(): a non-blocking connect, then select() for at most -w seconds. */
function* connectTcp(socket: TcpSocket, address: Ipv4Address, port: number, opts: NcOptions, ctx: ProgramContext): Generator<Wait, ConnectFailure | undefined, void> {
  const started = socket.connect(address, port);
  if (!started.ok) return { errno: started.error, timedOut: false };
  const deadline = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? ctx.now() + opts.timeoutMs * 1000 : Infinity;
  while (socket.state === "SYN_SENT" || socket.state === "SYN_RECV") {
    if (ctx.now() >= deadline) return { errno: "EINPROGRESS", timedOut: true };
    yield { until: deadline, wakeOn: (wake) => socket.onChange(wake) };
  }
  if (socket.state === "CLOSED") return { errno: socket.takeError() ?? "ECONNREFUSED", timedOut: false };
  return undefined;
}

/** connect() on a UDP socket only routes: it fails only without a route. */
function connectUdp(socket: UdpSocket, address: Ipv4Address, port: number): ConnectFailure | undefined {
  const connected = socket.connect(address, port);
  return connected.ok ? undefined : { errno: connected.error, timedOut: false };
}

/**
 * udptest(): -v with -u writes "X" twice, then once a second for -w (or 3)
 * seconds; an ECONNREFUSED means nobody listens. Over a veth the kernel's
 * port-unreachable comes back inside the first write(); the model's link has
 * latency, so nc waits 1 ms before the second write.
 */
function* udptest(socket: UdpSocket, opts: NcOptions, ctx: ProgramContext): Generator<Wait, boolean, void> {
  const x = encodeUtf8("X");
  const write = (): SocketErrno | undefined => {
    const pending = socket.takeError();
    if (pending) return pending;
    const sent = socket.sendTo({ dst: socket.remote!.address, port: socket.remote!.port, data: x });
    return sent.ok ? undefined : sent.error;
  };
  if (write() !== undefined) return false;
  yield { until: ctx.now() + 1000 };
  if (write() === "ECONNREFUSED") return false;
  const rounds = opts.timeoutMs === undefined ? 3 : Math.floor(opts.timeoutMs / 1000);
  for (let i = 0; i < rounds; i++) {
    yield { until: ctx.now() + 1_000_000 };
    if (write() === "ECONNREFUSED") return false;
  }
  return true;
}

// ---- listener ------------------------------------------------------------------

/** report_sock(): "MSG HOST PORT" — the host by name unless -n, and a getnameinfo failure instead when there is none. */
function report(ctx: ProgramContext, opts: NcOptions, message: string, address: Ipv4Address, port: number): void {
  if (opts.numeric) {
    ctx.stderr.write(`${message} ${formatIpv4(address)} ${port}\n`);
    return;
  }
  const name = ctx.reverseLookup(address);
  ctx.stderr.write(name !== undefined ? `${message} ${name} ${port}\n` : `nc: getnameinfo: ${EAI_AGAIN}\n`);
}

function* listener(opts: NcOptions, ctx: ProgramContext, proc: NcProcess, sockets: { close(): void }[]): Program {
  const protocol = proto(opts);
  const port = resolveService(opts.ports[0]!, protocol);
  if (port === undefined) return fail(ctx, `nc: getaddrinfo: ${EAI_SERVICE}\n`);
  let address = 0 as Ipv4Address;
  if (opts.host !== undefined) {
    const found = resolveHost(opts.host, opts, ctx);
    if ("error" in found) return fail(ctx, `nc: getaddrinfo: ${found.error}\n`);
    address = found.address;
  }
  const owner: SocketOwner = { command: "nc", pid: proc.pid, fd: 3 };
  return opts.udp ? yield* udpListener(opts, ctx, owner, address, port, sockets) : yield* tcpListener(opts, ctx, owner, address, port, sockets);
}

function* tcpListener(opts: NcOptions, ctx: ProgramContext, owner: SocketOwner, address: Ipv4Address, port: number, sockets: { close(): void }[]): Program {
  const socket = openTcpSocket(ctx.netns, owner);
  sockets.push(socket);
  // local_listen(): SO_REUSEADDR and SO_REUSEPORT, bind, listen(s, 1).
  socket.reuseAddress = true;
  socket.reusePort = true;
  const bound = socket.bind(address, port);
  if (!bound.ok) return fail(ctx, `nc: ${socketStrerror(bound.error)}\n`);
  socket.listen(1);
  if (opts.verbose) report(ctx, opts, "Listening on", socket.localAddress, socket.localPort);
  for (;;) {
    let conn = socket.accept({ ...owner, fd: 4 });
    while (!conn) {
      yield { wakeOn: (wake) => socket.onChange(wake) };
      conn = socket.accept({ ...owner, fd: 4 });
    }
    sockets.push(conn);
    if (opts.verbose) report(ctx, opts, "Connection received on", conn.remote!.address, conn.remote!.port);
    const accepted = conn;
    const end = yield* readwrite(tcpEndpoint(accepted), opts, ctx, () => accepted.close());
    accepted.close();
    if (end === "exited") return 0;
    if (!opts.keepListening) break;
  }
  socket.close();
  return 0;
}

function* udpListener(opts: NcOptions, ctx: ProgramContext, owner: SocketOwner, address: Ipv4Address, port: number, sockets: { close(): void }[]): Program {
  const opened = openUdpSocket(ctx.netns, port);
  if (!opened.ok) return fail(ctx, `nc: ${socketStrerror(opened.error.errno)}\n`);
  const socket = opened.value;
  sockets.push(socket);
  socket.owner = owner;
  if (address !== 0) {
    const bound = socket.bind({ src: address });
    if (!bound.ok) return fail(ctx, `nc: ${socketStrerror(bound.error.errno)}\n`);
  }
  if (opts.verbose) report(ctx, opts, "Bound on", address, port);
  // recvfrom(MSG_PEEK): wait for a first datagram, leaving it queued.
  const queued: ReturnType<UdpSocket["drain"]> = [];
  while (!queued.some((e) => e.kind === "datagram")) {
    yield { wakeOn: (wake) => socket.onEvent(() => wake()) };
    queued.push(...socket.drain());
  }
  const first = queued.find((e) => e.kind === "datagram")!;
  if (first.kind !== "datagram") return 0;
  let reported = { address: first.from, port: first.fromPort };
  if (opts.verbose) report(ctx, opts, "Connection received on", first.from, first.fromPort);
  if (!opts.keepListening) socket.connect(first.from, first.fromPort);
  for (const event of queued) socket.push(event);
  const net = udpEndpoint(socket, (from, fromPort) => {
    if (!opts.verbose || !opts.keepListening || (from === reported.address && fromPort === reported.port)) return;
    reported = { address: from, port: fromPort };
    report(ctx, opts, "Connection received on", from, fromPort);
  });
  // Without -k nc then closes the socket and exits; -q's exit(0) ends it the same way.
  yield* readwrite(net, opts, ctx, () => socket.close());
  return 0;
}
