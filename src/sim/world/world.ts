/**
 * A world is one simulated Linux machine: the event queue and its virtual
 * clock, the seeded RNG everything random derives from, the trace log, and
 * the network namespaces — the initial one ("", where a lab script starts:
 * only `lo`, up, 127.0.0.1/8) and those made by `ip netns add`.
 *
 * Each namespace draws from its own fork of the RNG ("netns:NAME"), so
 * adding a namespace never changes the MACs or timers of another.
 */
import { EventQueue, Rng, TraceLog, err, ok, type Duration, type Result, type RunResult } from "../core";
import { kernelError, type KernelError } from "../link";
import { KernelLog } from "../netfilter";
import { NetNamespace, type NamespaceDirectory } from "../stack";

/** The initial network namespace's name in this API (`ip netns` cannot name one ""). */
export const ROOT_NETNS = "";

export interface WorldOptions {
  readonly seed?: number | string;
  /** Trace events kept (default: all). */
  readonly traceCapacity?: number;
}

export class World implements NamespaceDirectory {
  readonly seed: number | string;
  readonly queue: EventQueue;
  readonly trace: TraceLog;
  readonly rng: Rng;
  /** The machine's kernel ring buffer (`dmesg`); netfilter's LOG target writes to it. */
  readonly kernelLog: KernelLog;
  readonly #namespaces = new Map<string, NetNamespace>();

  constructor(options: WorldOptions = {}) {
    this.seed = options.seed ?? 1;
    this.queue = new EventQueue();
    this.trace = new TraceLog(this.queue.clock, options.traceCapacity !== undefined ? { capacity: options.traceCapacity } : {});
    this.rng = Rng.fromSeed(this.seed);
    this.kernelLog = new KernelLog(this.queue.clock);
    const root = this.#create(ROOT_NETNS);
    root.setUp(root.loopback, true);
  }

  get root(): NetNamespace {
    return this.#namespaces.get(ROOT_NETNS)!;
  }

  now(): number {
    return this.queue.now();
  }

  namespace(name: string): NetNamespace | undefined {
    return this.#namespaces.get(name);
  }

  /** Named namespaces in creation order (`ip netns list` prints them newest first). */
  netnsList(): string[] {
    return [...this.#namespaces.keys()].filter((n) => n !== ROOT_NETNS);
  }

  /** `ip netns add NAME`: only lo, down, no address; conf.all/default copied from the initial namespace. */
  netnsAdd(name: string): Result<NetNamespace, KernelError> {
    if (name === "" || name.includes("/") || name === "." || name === "..") return err(kernelError("EINVAL"));
    if (this.#namespaces.has(name)) return err(kernelError("EEXIST"));
    return ok(this.#create(name));
  }

  /** `ip netns del NAME`: its devices are destroyed; a veth whose peer lives elsewhere takes the peer with it. */
  netnsDel(name: string): Result<void, KernelError> {
    const ns = name === ROOT_NETNS ? undefined : this.#namespaces.get(name);
    if (!ns) return err(kernelError("ENOENT"));
    for (const dev of [...ns.devices].reverse()) if (dev.kind !== "loopback" && ns.devices.includes(dev)) ns.destroyDevice(dev);
    for (const socket of [...ns.sockets.ping]) socket.close();
    for (const socket of [...ns.sockets.udp.values()]) socket.close();
    ns.neigh.flush(() => true);
    this.#namespaces.delete(name);
    return ok(undefined);
  }

  /** Let `duration` of virtual time pass, running everything due (`sleep`). */
  runFor(duration: Duration): RunResult {
    return this.queue.runUntil(this.queue.now() + duration);
  }

  /** Run until nothing is pending (or `limit` events ran: a model that keeps re-arming itself). */
  runUntilIdle(limit?: number): RunResult {
    return this.queue.runUntilIdle(limit);
  }

  #create(name: string): NetNamespace {
    const env = { queue: this.queue, trace: this.trace };
    const inherit = name === ROOT_NETNS ? undefined : this.root.sysctl;
    const ns = new NetNamespace(name, env, this.rng.fork(`netns:${name}`), this, inherit);
    this.#namespaces.set(name, ns);
    return ns;
  }
}
