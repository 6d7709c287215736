/**
 * Per-namespace sysctls under /proc/sys/net, by the names `sysctl` uses
 * (`net.ipv4.ip_forward`, or with slashes). Values are kept as the text
 * `sysctl -n` prints.
 *
 * Which values a new namespace starts with (KERNEL-PARITY-NOTES "Settings
 * that leak or differ"): `net.ipv4.conf.all.*` and `conf.default.*` —
 * forwarding, hence ip_forward, included — are copied from the initial
 * namespace (devinet_init_net with devconf_inherit_init_net = 0); the rest
 * (icmp_*, neigh defaults, ports) start at the kernel's defaults.
 *
 * Forwarding follows devinet_sysctl_forward(): writing `ip_forward` or
 * `conf.all.forwarding` sets all, default and every device; writing
 * `conf.default.forwarding` affects only devices created later.
 */
import { err, ok, type Result } from "../core";
import { kernelError, type KernelError } from "../link";

/** Kernel defaults of the per-namespace values (Documentation/networking/ip-sysctl.rst). */
const NET_DEFAULTS: Readonly<Record<string, string>> = {
  "net.ipv4.ip_forward": "0",
  "net.ipv4.ip_default_ttl": "64",
  "net.ipv4.ip_local_port_range": "32768\t60999",
  "net.ipv4.ip_no_pmtu_disc": "0",
  "net.ipv4.icmp_echo_ignore_all": "0",
  "net.ipv4.icmp_echo_ignore_broadcasts": "1",
  "net.ipv4.icmp_ignore_bogus_error_responses": "1",
  "net.ipv4.icmp_errors_use_inbound_ifaddr": "0",
  "net.ipv4.icmp_ratelimit": "1000",
  "net.ipv4.icmp_ratemask": "6168",
  "net.ipv4.ping_group_range": "1\t0",
  "net.ipv4.tcp_syn_retries": "6",
  "net.ipv4.tcp_synack_retries": "5",
  // Linux ≥ 6.5 (the parity kernel is 6.18); a stock Debian 12 kernel (6.1) behaves as with 0.
  "net.ipv4.tcp_syn_linear_timeouts": "4",
  "net.ipv4.tcp_fin_timeout": "60",
  "net.core.somaxconn": "4096",
};

/** Per-interface IPv4 settings (struct ipv4_devconf) the model reads or shows. */
const CONF_DEFAULTS: Readonly<Record<string, string>> = {
  forwarding: "0",
  rp_filter: "0",
  accept_redirects: "1",
  send_redirects: "1",
  arp_ignore: "0",
  arp_announce: "0",
  arp_filter: "0",
  accept_local: "0",
};

/** Neighbour parameters (struct neigh_parms; ip-sysctl.rst "neigh/default"). Times as their /proc units. */
const NEIGH_DEFAULTS: Readonly<Record<string, string>> = {
  base_reachable_time_ms: "30000",
  delay_first_probe_time: "5",
  retrans_time_ms: "1000",
  mcast_solicit: "3",
  ucast_solicit: "3",
  app_solicit: "0",
  mcast_resolicit: "0",
  unres_qlen: "101",
  gc_stale_time: "60",
  locktime: "100",
};

export class Sysctl {
  readonly #values = new Map<string, string>();

  /** Fresh values; `inheritFrom` is the initial namespace, whose conf.all/default a new namespace copies. */
  constructor(inheritFrom?: Sysctl) {
    for (const [name, value] of Object.entries(NET_DEFAULTS)) this.#values.set(name, value);
    for (const scope of ["all", "default"]) {
      for (const [key, value] of Object.entries(CONF_DEFAULTS)) {
        const name = `net.ipv4.conf.${scope}.${key}`;
        this.#values.set(name, (inheritFrom ? inheritFrom.#values.get(name) : undefined) ?? value);
      }
    }
    this.#values.set("net.ipv4.ip_forward", this.#values.get("net.ipv4.conf.all.forwarding")!);
    for (const [key, value] of Object.entries(NEIGH_DEFAULTS)) this.#values.set(`net.ipv4.neigh.default.${key}`, value);
  }

  /** Create `conf.DEV.*` (from conf.default) and `neigh.DEV.*` (from neigh.default) for a new device. */
  addDevice(dev: string): void {
    for (const key of Object.keys(CONF_DEFAULTS)) {
      this.#values.set(`net.ipv4.conf.${dev}.${key}`, this.#values.get(`net.ipv4.conf.default.${key}`)!);
    }
    for (const key of Object.keys(NEIGH_DEFAULTS)) {
      this.#values.set(`net.ipv4.neigh.${dev}.${key}`, this.#values.get(`net.ipv4.neigh.default.${key}`)!);
    }
  }

  removeDevice(dev: string): void {
    for (const prefix of [`net.ipv4.conf.${dev}.`, `net.ipv4.neigh.${dev}.`]) {
      for (const name of [...this.#values.keys()]) if (name.startsWith(prefix)) this.#values.delete(name);
    }
  }

  renameDevice(from: string, to: string): void {
    for (const [name, value] of [...this.#values]) {
      for (const prefix of ["net.ipv4.conf.", "net.ipv4.neigh."]) {
        if (name.startsWith(`${prefix}${from}.`)) {
          this.#values.delete(name);
          this.#values.set(`${prefix}${to}.${name.slice(prefix.length + from.length + 1)}`, value);
        }
      }
    }
  }

  /** `sysctl NAME`: ENOENT for a name this namespace does not have. */
  get(name: string): Result<string, KernelError> {
    const value = this.#values.get(normalise(name));
    return value === undefined ? err(kernelError("ENOENT")) : ok(value);
  }

  /** `sysctl -w NAME=VALUE`: EINVAL for a value that is not what the setting takes. */
  set(name: string, value: string): Result<void, KernelError> {
    const key = normalise(name);
    const current = this.#values.get(key);
    if (current === undefined) return err(kernelError("ENOENT"));
    const text = value.trim().split(/\s+/).join("\t");
    const numbers = text.split("\t");
    if (numbers.length !== current.split("\t").length || !numbers.every((n) => /^-?\d+$/.test(n))) return err(kernelError("EINVAL"));
    if (isForwardingAll(key)) {
      for (const name of [...this.#values.keys()]) if (name.startsWith("net.ipv4.conf.") && name.endsWith(".forwarding")) this.#values.set(name, text);
      this.#values.set("net.ipv4.ip_forward", text);
      return ok(undefined);
    }
    this.#values.set(key, text);
    return ok(undefined);
  }

  /** A numeric value the stack reads; a missing per-device key falls back to `fallback`'s. */
  int(name: string, fallback?: string): number {
    const value = this.#values.get(name) ?? (fallback === undefined ? undefined : this.#values.get(fallback));
    if (value === undefined) throw new Error(`no sysctl ${name}`);
    return Number.parseInt(value, 10);
  }

  /** A device's IPv4 conf value (`net.ipv4.conf.DEV.KEY`). */
  conf(dev: string, key: keyof typeof CONF_DEFAULTS | string): number {
    return this.int(`net.ipv4.conf.${dev}.${key}`, `net.ipv4.conf.default.${key}`);
  }

  /** A device's neighbour parameter (`net.ipv4.neigh.DEV.KEY`). */
  neigh(dev: string, key: string): number {
    return this.int(`net.ipv4.neigh.${dev}.${key}`, `net.ipv4.neigh.default.${key}`);
  }

  /** Every name and value, sorted by name, as `sysctl -a` would list them. */
  entries(): [string, string][] {
    return [...this.#values].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

function normalise(name: string): string {
  return name.replace(/^\/proc\/sys\//, "").replace(/\//g, ".");
}

function isForwardingAll(key: string): boolean {
  return key === "net.ipv4.ip_forward" || key === "net.ipv4.conf.all.forwarding";
}
