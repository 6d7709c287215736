/**
 * What a command hands back to the shell: its two streams and its exit
 * status, exactly as `$?` would show it.
 */
export interface CommandOutput {
  readonly stdout: string;
  readonly stderr: string;
  readonly exit: number;
}

export function printed(stdout: string, exit = 0): CommandOutput {
  return { stdout, stderr: "", exit };
}

export function failed(stderr: string, exit: number): CommandOutput {
  return { stdout: "", stderr, exit };
}

/**
 * A parse either yields a typed request for the model to execute, or is
 * already answered — an error, a usage text, a version string.
 */
export type Parsed<T> = { readonly kind: "request"; readonly request: T } | { readonly kind: "answered"; readonly output: CommandOutput };

export function request<T>(value: T): Parsed<T> {
  return { kind: "request", request: value };
}

export function answered<T>(output: CommandOutput): Parsed<T> {
  return { kind: "answered", output };
}
