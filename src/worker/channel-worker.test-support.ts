/**
 * A stand-in for a browser Worker in Node: the real simulator API served over
 * a real MessageChannel with comlink, so structured cloning happens exactly
 * as between the page and the worker, and which can be made to fail the
 * way a worker does (an `error` event, then silence).
 */
import { expose } from "comlink";
import { createSimApi } from "./local-api";

export class ChannelWorker extends EventTarget {
  readonly port: MessagePort;
  terminated = false;
  private readonly inner: MessagePort;

  /** `hangOn` names a method that never answers (a call in flight when the worker dies). */
  constructor(options: { hangOn?: string } = {}) {
    super();
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.inner = port2;
    const api = createSimApi(() => this.fail("crashForTesting"));
    expose(options.hangOn ? { ...api, [options.hangOn]: () => new Promise(() => undefined) } : api, port2);
    port1.addEventListener("message", (event) => this.dispatchEvent(new MessageEvent("message", { data: (event as MessageEvent).data })));
    port1.start();
  }

  postMessage(message: unknown, transfer: Transferable[] = []) {
    if (!this.terminated) this.port.postMessage(message, transfer);
  }

  terminate() {
    this.terminated = true;
    this.port.close();
    this.inner.close();
  }

  fail(message: string) {
    const event = new Event("error", { cancelable: true }) as Event & { message: string };
    Object.defineProperty(event, "message", { value: message });
    this.dispatchEvent(event);
  }
}
