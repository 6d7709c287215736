/**
 * `sysctl [-n] [-q] [-w] NAME[=VALUE]…` against the namespace's sysctls
 * (procps-ng: each argument in turn; a failure is reported and the rest
 * still run; the exit status is 1 if any failed, with -w… see below).
 */
import { printed, type CommandOutput } from "../command-output";
import { formatSysctlValue, parseSysctl, sysctlInvalidValue, sysctlUnknownKey, type SysctlRequest } from "../sysctl-command";
import { namespaceOf, type CommandEnv } from "./command-env";

/** argv without the program name. */
export function runSysctl(argv: readonly string[], env: CommandEnv): CommandOutput {
  const parsed = parseSysctl(argv);
  if (parsed.kind === "answered") return parsed.output;
  return executeSysctl(parsed.request, env);
}

/** The kernel shows tab-separated vectors (ip_local_port_range) as they are; procps prints them unchanged. */
export function executeSysctl(request: SysctlRequest, env: CommandEnv): CommandOutput {
  const sysctl = namespaceOf(env).sysctl;
  let stdout = "";
  let stderr = "";
  let exit = 0;
  for (const item of request.items) {
    const current = sysctl.get(item.key);
    if (!current.ok) {
      const refusal = sysctlUnknownKey(item.key);
      stderr += refusal.stderr;
      exit = refusal.exit;
      continue;
    }
    if (item.op === "read") {
      stdout += formatSysctlValue(item.key, current.value, request.valuesOnly);
      continue;
    }
    const written = sysctl.set(item.key, item.value);
    if (!written.ok) {
      const refusal = sysctlInvalidValue(item.key);
      stderr += refusal.stderr;
      exit = refusal.exit;
      continue;
    }
    // procps echoes what was asked for, as written (not the kernel's reformatted value).
    if (!request.quiet) stdout += formatSysctlValue(item.key, item.value, request.valuesOnly);
  }
  return { ...printed(stdout), stderr, exit };
}
