/**
 * Which field a byte of the hex dump belongs to: the narrowest one covering
 * it (so a byte shared by "Version" and "Header Length" picks the first of
 * those, and a checksum byte picks the checksum, not a whole quoted header).
 */
import type { DecodedField, DecodedFrame } from "../../../../sim/wire/decoded-frame";

export interface LocatedField {
  readonly layer: number;
  readonly field: DecodedField;
}

export function fieldAtByte(frame: DecodedFrame, offset: number): LocatedField | null {
  let best: LocatedField | null = null;
  frame.layers.forEach((layer, index) => {
    for (const field of layer.fields) {
      const covers = offset >= field.offset && offset < field.offset + field.length;
      if (covers && (!best || field.length < best.field.length)) best = { layer: index, field };
    }
  });
  return best;
}

/** A field's identity within one frame (keys repeat only across frames). */
export function fieldId(layer: number, field: DecodedField): string {
  return `${layer}:${field.key}`;
}
