import { isIP } from 'node:net';
import { list } from './field';

const LABEL = /^[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?$/u;

/**
 * What is wrong with one NEWSFLOW_FETCH_ALLOW entry, or null: a CIDR needs
 * a valid address and a prefix length the family allows; something that
 * looks like an address (digits and dots, or a colon) must be one; anything
 * else must be a host name, optionally `*.` for every subdomain. Checked at
 * start so a typo stops the process naming the variable instead of throwing
 * inside the fetcher later (issue 17: `10.0.0.0/33`, `999.1.1.1/99`).
 */
export function allowEntryProblem(raw: string): string | null {
  const e = raw.trim().toLowerCase().replace(/^\[|\]$/g, '');
  const cidr = /^(.+)\/(\d+)$/.exec(e);
  if (cidr || e.includes('/')) {
    if (!cidr) return `"${raw}" is not a CIDR (address/prefix length)`;
    const fam = isIP(cidr[1]!.replace(/^\[|\]$/g, ''));
    if (fam === 0) return `"${raw}": ${cidr[1]} is not an IP address`;
    const max = fam === 4 ? 32 : 128;
    if (Number(cidr[2]) > max) return `"${raw}": prefix length ${cidr[2]} is more than ${max}`;
    return null;
  }
  if (/^[\d.]+$/.test(e) || e.includes(':')) return isIP(e) ? null : `"${raw}" is not a valid IP address`;
  const host = e.replace(/^\*\./, '').replace(/\.$/, '');
  if (!host || !host.split('.').every((l) => LABEL.test(l))) return `"${raw}" is not a host name, IP address or CIDR`;
  return null;
}

/** NEWSFLOW_FETCH_ALLOW: a comma-separated list of host names, IP addresses and CIDRs, each checked. */
export const allowList = list.superRefine((entries, ctx) => {
  for (const e of entries) {
    const p = allowEntryProblem(e);
    if (p) ctx.addIssue({ code: 'custom', message: p });
  }
});
