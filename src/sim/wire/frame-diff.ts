/**
 * What changed between two captures of a packet — the same datagram before
 * and after a router (TTL, checksum, MACs), or before and after NAT
 * (addresses, ports, checksums). Fields are matched by their stable key, so
 * the inspector can show "Time to Live 64 → 63" without any protocol logic.
 */
import { decodeFrame } from "./decode";
import type { DecodedField, DecodedFrame, LayerProtocol } from "./decoded-frame";

export interface FieldChange {
  readonly key: string;
  readonly name: string;
  readonly protocol: LayerProtocol;
  /** The value in the first frame; null if the field is not there. */
  readonly before: string | null;
  /** The value in the second frame; null if the field is not there. */
  readonly after: string | null;
}

type Indexed = Map<string, { field: DecodedField; protocol: LayerProtocol }>;

function index(frame: DecodedFrame): Indexed {
  const fields: Indexed = new Map();
  for (const layer of frame.layers) for (const field of layer.fields) fields.set(field.key, { field, protocol: layer.protocol });
  return fields;
}

/**
 * Fields whose displayed value differs, or that only one frame has, in the
 * order they appear in `b` (then those only `a` has). Frames may be given as
 * bytes (decoded as Ethernet) or already decoded.
 */
export function diffFrames(a: Uint8Array | DecodedFrame, b: Uint8Array | DecodedFrame): FieldChange[] {
  const before = index(a instanceof Uint8Array ? decodeFrame(a) : a);
  const after = index(b instanceof Uint8Array ? decodeFrame(b) : b);
  const changes: FieldChange[] = [];
  for (const [key, { field, protocol }] of after) {
    const old = before.get(key);
    if (old?.field.value === field.value) continue;
    changes.push({ key, name: field.name, protocol, before: old?.field.value ?? null, after: field.value });
  }
  for (const [key, { field, protocol }] of before) {
    if (!after.has(key)) changes.push({ key, name: field.name, protocol, before: field.value, after: null });
  }
  return changes;
}
