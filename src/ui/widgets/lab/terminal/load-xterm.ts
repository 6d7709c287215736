/**
 * xterm and its stylesheet, fetched only when a terminal is first shown:
 * the dynamic imports make them a chunk of their own, off the lesson's
 * critical path.
 */
export async function loadXterm() {
  const [{ Terminal }, { FitAddon }] = await Promise.all([
    import("@xterm/xterm"),
    import("@xterm/addon-fit"),
    import("@xterm/xterm/css/xterm.css"),
  ]);
  return { Terminal, FitAddon };
}
