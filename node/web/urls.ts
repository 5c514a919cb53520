/** The URLs to print for a bind to every address, where the bound URL itself is no use. */
import { networkInterfaces } from 'node:os';
import type { NetworkInterfaceInfo } from 'node:os';

/**
 * For a bind to every address (`0.0.0.0`, `::`), the URLs other machines can open: the printed
 * `url` with each external IPv4 address of this machine in place of the host (token kept).
 * Empty for any other bind.
 */
export function reachableUrls(
  url: string,
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [];
  return Object.values(interfaces)
    .flatMap((entries) => entries ?? [])
    .filter((entry) => entry.family === 'IPv4' && !entry.internal)
    .map((entry) => {
      const reachable = new URL(url);
      reachable.hostname = entry.address;
      return reachable.href;
    });
}
