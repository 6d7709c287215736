/**
 * `dmesg` (util-linux 2.38) over the machine's kernel ring buffer
 * (world.kernelLog): one `[%5lu.%06lu] text` line per record, the time
 * being virtual seconds since boot; `-c` prints then clears, `-C` clears
 * silently. The ring buffer is not per network namespace: every namespace
 * reads the same one (which LOG rules may write to it is the engine's
 * business, net.netfilter.nf_log_all_netns).
 */
import type { KernelLogRecord } from "../../../netfilter";
import type { Command } from "../command";

/** util-linux prints the seconds right-aligned in 5 columns and the microseconds as 6 digits. */
export function formatKernelRecord(record: KernelLogRecord): string {
  const micros = Math.max(0, Math.floor(record.time));
  const seconds = Math.floor(micros / 1_000_000);
  return `[${String(seconds).padStart(5)}.${String(micros % 1_000_000).padStart(6, "0")}] ${record.text}\n`;
}

export const dmesgCommand: Command = {
  name: "dmesg",
  run(args, ctx) {
    let print = true;
    let clear = false;
    for (const arg of args) {
      if (arg === "-c" || arg === "--read-clear") clear = true;
      else if (arg === "-C" || arg === "--clear") {
        clear = true;
        print = false;
      } else {
        ctx.stderr.write(`dmesg: option "${arg}" is not supported by this simulator\n`);
        return 1;
      }
    }
    const log = ctx.world.kernelLog;
    if (print) ctx.stdout.write(log.records().map(formatKernelRecord).join(""));
    if (clear) log.clear();
    return 0;
  },
};
