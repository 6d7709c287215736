/** The prompt a host's terminal tab shows: bash's default PS1 for root, with the host's name. */
export function promptFor(host: string): string {
  return `root@${host}:~# `;
}
