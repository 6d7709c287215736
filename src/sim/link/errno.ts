/**
 * Kernel error numbers as the simulator's API returns them — the values a
 * netlink request or a socket call fails with on Linux (include/uapi/asm-generic
 * errno-base.h / errno.h). The shell turns them into iproute2's and ping's
 * words with `strerror`, e.g. "RTNETLINK answers: File exists".
 */
export type Errno =
  | "EPERM"
  | "ENOENT"
  | "ESRCH"
  | "ENXIO"
  | "EBUSY"
  | "EEXIST"
  | "ENODEV"
  | "EINVAL"
  | "ENOSPC"
  | "ERANGE"
  | "EAGAIN"
  | "EACCES"
  | "ELOOP"
  | "EOPNOTSUPP"
  | "EADDRINUSE"
  | "EADDRNOTAVAIL"
  | "ENETDOWN"
  | "ENETUNREACH"
  | "EHOSTUNREACH"
  | "ENOBUFS"
  | "EMSGSIZE";

/** glibc's strerror(3) text for each errno, what iproute2 and ping print after "RTNETLINK answers: " / "ping: connect: ". */
const STRERROR: Readonly<Record<Errno, string>> = {
  EPERM: "Operation not permitted",
  ENOENT: "No such file or directory",
  ESRCH: "No such process",
  ENXIO: "No such device or address",
  EBUSY: "Device or resource busy",
  EEXIST: "File exists",
  ENODEV: "No such device",
  EINVAL: "Invalid argument",
  ENOSPC: "No space left on device",
  ERANGE: "Numerical result out of range",
  EAGAIN: "Resource temporarily unavailable",
  EACCES: "Permission denied",
  ELOOP: "Too many levels of symbolic links",
  EOPNOTSUPP: "Operation not supported",
  EADDRINUSE: "Address already in use",
  EADDRNOTAVAIL: "Cannot assign requested address",
  ENETDOWN: "Network is down",
  ENETUNREACH: "Network is unreachable",
  EHOSTUNREACH: "No route to host",
  ENOBUFS: "No buffer space available",
  EMSGSIZE: "Message too long",
};

export function strerror(errno: Errno): string {
  return STRERROR[errno];
}

/**
 * A failed kernel request: the errno, plus the extended-ack text the kernel
 * attaches to some netlink errors (iproute2 prints "Error: <extack>." instead
 * of "RTNETLINK answers: <strerror>" when there is one).
 */
export interface KernelError {
  readonly errno: Errno;
  readonly extack?: string;
}

export function kernelError(errno: Errno, extack?: string): KernelError {
  return extack === undefined ? { errno } : { errno, extack };
}
