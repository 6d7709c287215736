/**
 * Netfilter for one network namespace: its iptables tables (`rules`), its
 * connection tracking (`conntrack`), and `hook()`, which the IP stack calls
 * at each of the five hooks (see hooks.ts for the path and the order of
 * what runs at each).
 *
 * Per-packet state the kernel keeps on the skb — the conntrack entry
 * (skb->_nfct) and the received link-layer header LOG prints — is kept
 * here, keyed by the packet's byte array: the stack hands the same array
 * from PREROUTING through INPUT or FORWARD to POSTROUTING and mutates it
 * in place (TTL, NAT), as the kernel mutates the skb.
 *
 * Connection tracking runs only while something needs it (KERNEL-PARITY-NOTES,
 * measured): a nat chain exists, or a rule uses -m conntrack / -m state.
 * Listing the nat table does not start it; flushing the last conntrack rule
 * stops it (existing entries stay until they time out).
 */
import type { Ipv4Address } from "../addr";
import { ipv4FromNumber } from "../addr";
import type { NetDevice } from "../link";
import { IpProtocol, IcmpType } from "../wire";
import { isTracked, type CtInfo, type PacketCt } from "./conntrack/connection";
import { ConntrackTable } from "./conntrack/conntrack-table";
import { HOOK_STEPS, type Hook, type NatManip, type TableName } from "./hooks";
import type { NetfilterHost } from "./host";
import { logLine } from "./log-line";
import type { MatchContext } from "./match";
import { natIcmpError, natPacket } from "./nat/nat-packet";
import { nullBinding, setupNat, type ResolvedNatRange } from "./nat/nat-setup";
import { isIcmpErrorType, packetInfo, type PacketInfo } from "./packet-info";
import { REJECT_ICMP_CODES } from "./reject";
import type { CtState, RuleSpec, Target } from "./rule";
import { Ruleset } from "./ruleset";
import { traverseTable, type TableVerdict, type TargetOutcome } from "./traverse";

/** What the stack knows about a packet at a hook. */
export interface HookContext {
  readonly in?: NetDevice;
  readonly out?: NetDevice;
  /** POSTROUTING: the next hop, which MASQUERADE picks its source address towards. */
  readonly nexthop?: Ipv4Address;
  /** PREROUTING: the received frame's link-layer header (LOG's MAC=). */
  readonly linkHeader?: Uint8Array;
  /** OUTPUT: the packet a stack-generated ICMP error or RST is about (nf_ct_attach). */
  readonly related?: Uint8Array;
}

interface SkbState {
  ct?: PacketCt;
  linkHeader?: Uint8Array;
}

const LOOPBACK_ADDRESS = ipv4FromNumber(0x7f000001);

export class Netfilter {
  readonly rules: Ruleset;
  readonly conntrack: ConntrackTable;
  readonly #skb = new WeakMap<Uint8Array, SkbState>();
  #derived = { generation: -1, conntrack: false, nat: false };

  constructor(private readonly host: NetfilterHost) {
    this.rules = new Ruleset((line) => host.kernelLog.write(6, line));
    this.conntrack = new ConntrackTable({ namespace: host.namespace, now: () => host.clock.now(), emit: (e) => host.emit(e) });
  }

  /**
   * Is connection tracking running in this namespace? Only while some rule
   * needs it — a NAT target or a conntrack/state match — as nf_ct_netns_get()
   * is taken by those rules' checkentry, not by a nat chain: measured with
   * iptables-nft on Linux 6.18, counting rules in an otherwise empty nat
   * table see no packet and `conntrack -L` stays empty.
   */
  conntrackActive(): boolean {
    return this.#state().conntrack;
  }

  /** What the rules imply, recomputed only when they change. */
  #state(): { conntrack: boolean; nat: boolean } {
    if (this.#derived.generation !== this.rules.generation) {
      const nat = this.rules.table("nat").chains.size > 0;
      this.#derived = { generation: this.rules.generation, nat, conntrack: this.rules.someRule(usesConntrack) };
    }
    return this.#derived;
  }

  /**
   * nf_hook(): run everything registered at `hook` for `packet` (which NAT
   * may rewrite in place). True: the packet goes on (NF_ACCEPT). False: a
   * rule dropped it (for a locally generated packet, sendmsg() fails with
   * EPERM).
   */
  hook(hook: Hook, packet: Uint8Array, ctx: HookContext = {}): boolean {
    const { conntrack: ctActive, nat: natActive } = this.#state();
    const steps = HOOK_STEPS[hook].filter((s) =>
      s.kind === "table" ? this.rules.table(s.table).baseChain(hook) !== undefined : s.kind === "nat" ? natActive : ctActive,
    );
    // Remember the link-layer header for a later LOG (INPUT, FORWARD) even when PREROUTING itself has nothing.
    if (ctx.linkHeader && (steps.length > 0 || this.rules.hasAnyChain())) this.#skbOf(packet).linkHeader = ctx.linkHeader;
    if (steps.length === 0) return true;
    let pkt = packetInfo(packet);
    if (!pkt) return true;
    const skb = this.#skbOf(packet);
    for (const step of steps) {
      switch (step.kind) {
        case "conntrack":
          skb.ct = this.conntrack.receive(pkt, packet, {
            ...(ctx.in?.kind === "loopback" ? { loopback: true } : {}),
            ...(ctx.related ? attachedTo(this.#skb.get(ctx.related)?.ct) : {}),
          });
          break;
        case "table": {
          const verdict = this.#traverse(step.table, hook, packet, pkt, skb, ctx);
          if (verdict.verdict !== "ACCEPT") return this.#dropped(hook, step.table, verdict, packet, ctx);
          break;
        }
        case "nat": {
          if (!isTracked(skb.ct)) break;
          const verdict = this.#nat(hook, step.manip, packet, pkt, skb, skb.ct, ctx);
          if (verdict && verdict.verdict !== "ACCEPT") return this.#dropped(hook, "nat", verdict, packet, ctx);
          pkt = packetInfo(packet) ?? pkt;
          break;
        }
        case "confirm":
          // Only the packet that created the entry confirms it (__nf_conntrack_confirm ignores the reply direction,
          // e.g. a REJECT's ICMP error carrying the rejected connection).
          if (isTracked(skb.ct) && skb.ct.dir === "original") this.conntrack.confirm(skb.ct);
          break;
      }
    }
    return true;
  }

  #skbOf(packet: Uint8Array): SkbState {
    let skb = this.#skb.get(packet);
    if (!skb) {
      skb = {};
      this.#skb.set(packet, skb);
    }
    return skb;
  }

  #traverse(table: TableName, hook: Hook, packet: Uint8Array, pkt: PacketInfo, skb: SkbState, ctx: HookContext, ct?: CtInfo, manip?: NatManip): TableVerdict {
    const entered = packet.slice();
    const t = this.rules.table(table);
    const match: MatchContext = {
      pkt, now: this.host.clock.now(), rng: this.host.rng,
      ...(ctx.in ? { inDev: ctx.in.name } : {}), ...(ctx.out ? { outDev: ctx.out.name } : {}),
      ctStates: () => ctStates(skb.ct),
    };
    const run = (target: Target): TargetOutcome => this.#target(target, hook, packet, skb, ctx, ct, manip);
    const verdict = traverseTable(t, t.baseChain(hook)!, match, pkt.length, run);
    this.host.emit({
      kind: "netfilter-traversal", namespace: this.host.namespace, hook, table, chain: verdict.chain, rule: verdict.rule,
      verdict: verdict.verdict, hits: verdict.hits, bytes: entered,
    });
    return verdict;
  }

  #dropped(hook: Hook, table: TableName, verdict: TableVerdict, packet: Uint8Array, ctx: HookContext): false {
    if (verdict.verdict === "DROP") {
      const dev = ctx.in ?? ctx.out;
      const by = verdict.rule === null ? `policy DROP of ${verdict.chain}` : `rule ${verdict.rule} of ${verdict.chain}`;
      this.host.emit({
        kind: "frame-dropped", namespace: this.host.namespace, ...(dev ? { device: dev.name } : {}), where: "nf_hook_slow", reason: "NETFILTER_DROP",
        detail: `iptables -t ${table}: ${by}`, bytes: packet.slice(), format: "ipv4",
        netfilter: { hook, table, chain: verdict.chain, rule: verdict.rule },
      });
    }
    return false;
  }

  /** nf_nat_inet_fn: consult the nat chain for a new connection's first packet, then rewrite by the mapping. */
  #nat(hook: Hook, manip: NatManip, packet: Uint8Array, pkt: PacketInfo, skb: SkbState, ct: CtInfo, ctx: HookContext): TableVerdict | undefined {
    const sink = { namespace: this.host.namespace, emit: (e: Parameters<NetfilterHost["emit"]>[0]) => this.host.emit(e) };
    if (ct.state === "RELATED" && pkt.protocol === IpProtocol.ICMP && pkt.icmpType !== undefined && isIcmpErrorType(pkt.icmpType)) {
      natIcmpError(ct, manip, hook, packet, sink);
      return undefined;
    }
    let verdict: TableVerdict | undefined;
    if (ct.state === "NEW" && !ct.conn.natDone[manip]) {
      if (this.rules.table("nat").baseChain(hook)) {
        verdict = this.#traverse("nat", hook, packet, pkt, skb, ctx, ct, manip);
        if (verdict.verdict !== "ACCEPT") return verdict;
      }
      if (!ct.conn.natDone[manip]) nullBinding(ct.conn, manip, this.conntrack, this.host.rng);
    }
    natPacket(ct, manip, hook, packet, sink);
    return verdict;
  }

  #target(target: Target, hook: Hook, packet: Uint8Array, skb: SkbState, ctx: HookContext, ct: CtInfo | undefined, manip: NatManip | undefined): TargetOutcome {
    switch (target.kind) {
      case "LOG":
        this.#log(target, packet, skb, ctx);
        return "continue";
      case "REJECT":
        if (target.with === "tcp-reset") this.host.sendTcpReset(packet);
        else this.host.sendIcmpError(packet, IcmpType.DEST_UNREACHABLE, REJECT_ICMP_CODES[target.with]);
        return "DROP";
      case "SNAT":
      case "DNAT":
      case "MASQUERADE":
      case "REDIRECT": {
        if (!ct || !manip) return "ACCEPT";
        const range = this.#natRange(target, hook, ctx);
        if (!range) return "DROP";
        setupNat(ct.conn, range, manip, this.conntrack, this.host.rng);
        return "ACCEPT";
      }
      default:
        return "continue";
    }
  }

  #natRange(target: Extract<Target, { kind: "SNAT" | "DNAT" | "MASQUERADE" | "REDIRECT" }>, hook: Hook, ctx: HookContext): ResolvedNatRange | undefined {
    const flags = { ...(target.random ? { random: true } : {}) };
    switch (target.kind) {
      case "SNAT":
      case "DNAT":
        return { ...target.to, ...flags, ...(target.persistent ? { persistent: true } : {}) };
      case "MASQUERADE": {
        // nf_nat_masquerade_ipv4: the out device's address facing the next hop; none → drop ("… ate my IP address").
        const address = ctx.out && this.host.masqueradeAddress(ctx.out, ctx.nexthop);
        if (address === undefined) return undefined;
        return { minAddress: address, maxAddress: address, ...(target.ports ? { ports: target.ports } : {}), ...flags };
      }
      case "REDIRECT": {
        // nf_nat_redirect_ipv4: locally generated → 127.0.0.1; received → the first address of the receiving device.
        const address = hook === "OUTPUT" ? LOOPBACK_ADDRESS : ctx.in && this.host.primaryAddress(ctx.in);
        if (address === undefined) return undefined;
        return { minAddress: address, maxAddress: address, ...(target.ports ? { ports: target.ports } : {}), ...flags };
      }
    }
  }

  #log(target: Extract<Target, { kind: "LOG" }>, packet: Uint8Array, skb: SkbState, ctx: HookContext): void {
    const log = this.host.kernelLog;
    if (!this.host.isInitNamespace && !log.logAllNetns) return;
    const line = logLine({
      prefix: target.prefix, packet,
      ...(ctx.in ? { inDev: ctx.in.name } : {}), ...(ctx.out ? { outDev: ctx.out.name } : {}),
      ...(skb.linkHeader ? { linkHeader: skb.linkHeader } : {}),
      ...(target.tcpSequence ? { tcpSequence: true } : {}),
    });
    log.write(target.level, line);
  }
}

function attachedTo(ct: PacketCt | undefined): { attached?: CtInfo } {
  return isTracked(ct) ? { attached: ct } : {};
}

/** The states -m conntrack / -m state test (xt_conntrack: ctinfo, plus SNAT/DNAT from the status bits). */
function ctStates(ct: PacketCt | undefined): ReadonlySet<CtState> {
  if (ct === "untracked") return new Set(["UNTRACKED"]);
  if (!isTracked(ct)) return new Set(["INVALID"]);
  const states = new Set<CtState>([ct.state]);
  if (ct.conn.srcNat) states.add("SNAT");
  if (ct.conn.dstNat) states.add("DNAT");
  return states;
}

/** A rule whose match or target takes a conntrack reference (xt_conntrack, xt_state, the NAT targets). */
function usesConntrack(spec: RuleSpec): boolean {
  return spec.matches.some((m) => m.module === "conntrack" || m.module === "state") || NAT_TARGETS.has(spec.target.kind);
}

const NAT_TARGETS: ReadonlySet<string> = new Set(["SNAT", "DNAT", "MASQUERADE", "REDIRECT"]);
