/**
 * What nc's read/write loop needs from its network descriptor, over a TCP
 * connection or a UDP socket: write what came from stdin, read what
 * arrived, learn about end of file and errors, half-close, wait.
 */
import type { Ipv4Address } from "../addr";
import type { SocketErrno, TcpSocket, UdpSocket } from "../stack";

export interface NetRead {
  readonly data: Uint8Array;
  /** read() returned 0: the peer closed (TCP). */
  readonly eof: boolean;
  /** read() failed (ECONNRESET, a UDP socket's ECONNREFUSED…): nc stops reading, silently. */
  readonly error?: SocketErrno;
}

export interface NetEndpoint {
  write(data: Uint8Array): SocketErrno | undefined;
  read(): NetRead;
  shutdownWrite(): void;
  onChange(callback: () => void): () => void;
}

export function tcpEndpoint(socket: TcpSocket): NetEndpoint {
  return {
    write(data) {
      const sent = socket.send(data);
      return sent.ok ? undefined : sent.error;
    },
    read() {
      // Everything queued is read at once; if the FIN came behind it, the next read() would return 0 — say so now.
      const data = socket.receive();
      const error = data.length > 0 ? undefined : socket.takeError();
      if (error) return { data, eof: false, error };
      return { data, eof: socket.atEof || socket.finished };
    },
    shutdownWrite: () => socket.shutdownWrite(),
    onChange: (callback) => socket.onChange(callback),
  };
}

/**
 * A UDP socket: connected (send() to the peer), or with -u -l -k answering
 * whoever sent last (sendto/recvfrom). `onSender` is told of each datagram's
 * source, for -v's "Connection received on" when it changes.
 */
export function udpEndpoint(socket: UdpSocket, onSender?: (address: Ipv4Address, port: number) => void): NetEndpoint {
  let lastSender: { address: Ipv4Address; port: number } | undefined;
  return {
    write(data) {
      const error = socket.takeError();
      if (error) return error;
      const to = socket.remote ?? lastSender;
      if (!to) return undefined;
      const sent = socket.sendTo({ dst: to.address, port: to.port, data });
      return sent.ok ? undefined : sent.error;
    },
    read() {
      const chunks: Uint8Array[] = [];
      for (const event of socket.drain()) {
        if (event.kind !== "datagram") continue;
        lastSender = { address: event.from, port: event.fromPort };
        onSender?.(event.from, event.fromPort);
        chunks.push(event.data);
      }
      const data = concat(chunks);
      if (data.length > 0) return { data, eof: false };
      const error = socket.takeError();
      return error ? { data, eof: false, error } : { data, eof: false };
    },
    shutdownWrite: () => {},
    onChange: (callback) => socket.onEvent(() => callback()),
  };
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
