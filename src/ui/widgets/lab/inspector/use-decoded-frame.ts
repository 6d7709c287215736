/**
 * The frame decoded (and compared with the previous capture) by the
 * simulator — the inspector never decodes itself. Answers to older inputs
 * are dropped, so a quick succession of packets never shows a stale one.
 */
import { useEffect, useState } from "react";
import type { DecodedFrame } from "../../../../sim/wire/decoded-frame";
import type { FieldChange } from "../../../../sim/wire/frame-diff";
import { useSimApi } from "../../../sim/sim-context";
import { asBytesFormat } from "./bytes-format";

export interface Decoded {
  readonly frame: DecodedFrame | null;
  readonly changes: readonly FieldChange[] | null;
  readonly error: string | null;
}

export function useDecodedFrame(bytes: Uint8Array, format?: string, previous?: { bytes: Uint8Array; format?: string }): Decoded {
  const api = useSimApi();
  const [decoded, setDecoded] = useState<Decoded>({ frame: null, changes: null, error: null });
  const previousBytes = previous?.bytes;
  const previousFormat = previous?.format;

  useEffect(() => {
    let live = true;
    const current = asBytesFormat(format);
    const before = asBytesFormat(previousFormat);
    if (!current || (previousBytes && !before)) {
      setDecoded({ frame: null, changes: null, error: `Unknown bytes format "${!current ? format : previousFormat}" (expected "ethernet" or "ipv4").` });
      return;
    }
    Promise.all([api.decodeFrame(bytes, current), previousBytes && before ? api.diffFrames(previousBytes, bytes, before, current) : Promise.resolve(null)]).then(
      ([frame, changes]) => {
        if (live) setDecoded({ frame, changes, error: null });
      },
      (error: unknown) => {
        if (live) setDecoded((d) => ({ ...d, error: `The simulator could not decode this frame (${String(error)}).` }));
      },
    );
    return () => {
      live = false;
    };
  }, [api, bytes, format, previousBytes, previousFormat]);

  return decoded;
}
