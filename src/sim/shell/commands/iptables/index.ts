/** Front ends of iptables, iptables-save and iptables-restore: parse to typed requests, format view records. Re-exports only. */
export type * from "./iptables-request";
export type * from "./views";
export type { IptablesLookup } from "./lookup";
export { parseIptables, parseIptablesCommand, BUILTIN_CHAINS, TABLES, IPTABLES_VERSION_TEXT, type ParseSetting } from "./iptables-parse";
export { parseIptablesSave, parseIptablesRestore, restoreCannotOpen, RESTORE_USAGE } from "./save-restore-command";
export { parseRestoreInput, restoreWords } from "./restore-parse";
export { iptablesRefusal, restoreRefusal } from "./kernel-refusals";
export { formatList, formatListRules, formatRuleEcho, NO_ADDRESS_NAMES, type AddressNames } from "./list-format";
export { formatSave, type SaveOptions } from "./save-format";
export { formatRuleSave, formatRuleDetails, saveString } from "./rule-format";
export { formatCount } from "./counter-format";
export { ctimeUtc } from "./ctime";
export { XTABLES_VERSION, notSupported } from "./xtables-errors";
