/**
 * nc's data loop, readwrite() in netcat.c: stdin goes to the network, the
 * network goes to stdout (written at once: nc uses write(2), not stdio).
 *
 * - When stdin ends nc stops sending; only with -N (or -q) does it shut
 *   the connection down for writing, so without it the peer never sees
 *   end of file from us — a client keeps reading until the server closes.
 * - A listener returns as soon as the peer has closed; a client once both
 *   stdin and the network have ended.
 * - -w N: return after N seconds without anything to do (poll's timeout).
 * - -q N: after stdin ends, quit: at once with 0, else close the socket,
 *   wait N seconds, exit 0 (the SIGALRM handler). Negative: never (default).
 * - Read errors (a reset, a UDP port unreachable) end reading silently.
 */
import type { SimTime } from "../core";
import type { NetEndpoint } from "./nc-endpoint";
import type { NcOptions } from "./nc-options";
import type { ProgramContext, Wait } from "./process";
import { Utf8Decoder, encodeUtf8 } from "./utf8";

/** netcat.c BUFSIZE: one read() of stdin takes at most this much. */
const BUFSIZE = 16384;

/** How the loop ended: normally, or by exit(0) from inside it (-q). */
export type ReadWriteEnd = "returned" | "exited";

export function* readwrite(net: NetEndpoint, opts: NcOptions, ctx: ProgramContext, closeNet: () => void): Generator<Wait, ReadWriteEnd, void> {
  let stdin = opts.detach ? new Uint8Array(0) : encodeUtf8(ctx.stdin);
  let stdinOpen = !opts.detach;
  let netOut = true;
  let netIn = true;
  let ctrlD = false;
  const decoder = new Utf8Decoder();
  let idleSince: SimTime = ctx.now();
  for (;;) {
    // Write what stdin gave, one BUFSIZE read at a time (all of it is there already: a pipe, a file, or /dev/null).
    while (stdinOpen && stdin.length > 0 && netOut) {
      const chunk = stdin.subarray(0, BUFSIZE);
      stdin = stdin.subarray(chunk.length);
      if (net.write(chunk) !== undefined) netOut = false;
    }
    if (stdinOpen && (stdin.length === 0 || !netOut)) {
      stdinOpen = false;
      if (opts.quitAfter >= 0) ctrlD = true;
    }
    if (!stdinOpen && netOut) {
      if (opts.shutdownOnEof) net.shutdownWrite();
      netOut = false;
    }
    if (netIn) {
      const got = net.read();
      if (got.data.length > 0) {
        ctx.stdout.write(decoder.decode(got.data));
        ctx.stdout.flush();
        idleSince = ctx.now();
      }
      if (got.eof || got.error) netIn = false;
    }
    if (!stdinOpen && !netIn) return "returned";
    if ((opts.listen && !netIn) || ctrlD) {
      if (opts.quitAfter < 0 || !ctrlD) return "returned";
      if (opts.quitAfter === 0) return "exited";
      closeNet();
      yield { until: ctx.now() + opts.quitAfter * 1_000_000 };
      return "exited";
    }
    const deadline = opts.timeoutMs !== undefined && opts.timeoutMs > 0 ? idleSince + opts.timeoutMs * 1000 : Infinity;
    if (ctx.now() >= deadline) return "returned";
    // poll(): wake for data, end of file or an error — or after -w seconds of nothing (idleSince moves only when data came).
    yield { until: deadline, wakeOn: (wake) => net.onChange(wake) };
  }
}
