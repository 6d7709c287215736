/**
 * Collects one decoded layer's fields for the decoder, skipping any field
 * whose bytes are not all present, so a truncated frame decodes as far as it
 * goes. Internal to wire/decode.
 */
import type { DecodedField, DecodedLayer, LayerProtocol } from "./decoded-frame";

type FieldOptions = Pick<DecodedField, "bits" | "problem">;

/** Collects a layer's fields, skipping any whose bytes are not all present. */
export class LayerBuilder {
  readonly fields: DecodedField[] = [];
  readonly problems: string[] = [];
  title: string;
  length: number;
  readonly #seen = new Map<string, number>();

  constructor(
    readonly protocol: LayerProtocol,
    /** The bytes from this layer's first byte to the end of what is available. */
    readonly bytes: Uint8Array,
    /** Where `bytes` starts in the frame. */
    readonly base: number,
    readonly keyPrefix: string,
    readonly quoted: boolean,
  ) {
    this.title = protocol;
    this.length = bytes.length;
  }

  has(offset: number, length: number): boolean {
    return offset + length <= this.bytes.length;
  }

  /** Add a field at `offset` (within this layer) if its bytes are present; returns whether they were. */
  field(key: string, name: string, offset: number, length: number, value: () => string, options: FieldOptions = {}): boolean {
    if (!this.has(offset, length)) return false;
    const full = `${this.keyPrefix}${key}`;
    const count = this.#seen.get(full) ?? 0;
    this.#seen.set(full, count + 1);
    this.fields.push({
      key: count === 0 ? full : `${full}#${count + 1}`,
      name,
      value: value(),
      offset: this.base + offset,
      length,
      ...(options.bits ? { bits: options.bits } : {}),
      ...(options.problem ? { problem: options.problem } : {}),
    });
    return true;
  }

  build(): DecodedLayer {
    return {
      protocol: this.protocol,
      title: this.title,
      quoted: this.quoted,
      offset: this.base,
      length: Math.min(this.length, this.bytes.length),
      fields: this.fields,
      problems: this.problems,
    };
  }
}
