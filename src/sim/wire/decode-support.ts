/**
 * Shared pieces of the decoder (decode*.ts): the running list of layers and
 * small value formatters. Internal to wire.
 */
import { toHex } from "../core";
import { internetChecksum } from "./checksum";
import type { DecodedLayer } from "./decoded-frame";
import { LayerBuilder } from "./layer-builder";
import { hex16 } from "./wire-error";

/** The layers decoded so far, in frame order. */
export interface Decoding {
  readonly layers: DecodedLayer[];
}

export function hexValue(value: number, digits: number): string {
  return `0x${value.toString(16).padStart(digits, "0")}`;
}

export function checksumValue(stored: number, valid: boolean, computed: () => number): { value: string; problem?: string } {
  if (valid) return { value: `${hex16(stored)} [correct]` };
  const problem = `incorrect, should be ${hex16(computed())}`;
  return { value: `${hex16(stored)} [${problem}]`, problem };
}

/** The checksum `bytes` should carry in the 16-bit field at `at`. */
export function checksumWithFieldZeroed(bytes: Uint8Array, at: number): number {
  const copy = bytes.slice();
  copy[at] = 0;
  copy[at + 1] = 0;
  return internetChecksum(copy);
}

/** Bytes no decoder claims (a payload, a non-first fragment) as one opaque layer. */
export function pushData(out: Decoding, bytes: Uint8Array, base: number, prefix: string): void {
  if (bytes.length === 0) return;
  const layer = new LayerBuilder("data", bytes, base, prefix, prefix !== "");
  layer.title = `Data (${bytes.length} bytes)`;
  layer.field("data", "Data", 0, bytes.length, () => (bytes.length <= 64 ? toHex(bytes) : `${toHex(bytes.subarray(0, 64))}…`));
  out.layers.push(layer.build());
}
