import { BlockList, isIP } from 'node:net';

/**
 * Which addresses a fetch may never reach unless the allow-list says so:
 * loopback, private, link-local, cloud metadata and other non-public ranges.
 * Checked on the addresses a host name resolved to, so a public-looking name
 * pointing at 10.0.0.5 is refused as well (docs/ingestion.md, "Addresses").
 */
const RANGES: Array<[string, number, 'ipv4' | 'ipv6', string]> = [
  ['0.0.0.0', 8, 'ipv4', 'a "this network" address'],
  ['10.0.0.0', 8, 'ipv4', 'a private address'],
  ['100.64.0.0', 10, 'ipv4', 'a shared (carrier-grade NAT) address'],
  ['127.0.0.0', 8, 'ipv4', 'a loopback address'],
  ['169.254.0.0', 16, 'ipv4', 'a link-local address'],
  ['172.16.0.0', 12, 'ipv4', 'a private address'],
  ['192.0.0.0', 24, 'ipv4', 'a reserved address'],
  ['192.0.2.0', 24, 'ipv4', 'a documentation address'],
  ['192.168.0.0', 16, 'ipv4', 'a private address'],
  ['198.18.0.0', 15, 'ipv4', 'a benchmarking address'],
  ['198.51.100.0', 24, 'ipv4', 'a documentation address'],
  ['203.0.113.0', 24, 'ipv4', 'a documentation address'],
  ['224.0.0.0', 4, 'ipv4', 'a multicast address'],
  ['240.0.0.0', 4, 'ipv4', 'a reserved address'],
  ['::', 128, 'ipv6', 'the unspecified address'],
  ['::1', 128, 'ipv6', 'a loopback address'],
  ['100::', 64, 'ipv6', 'a discard address'],
  ['2001:db8::', 32, 'ipv6', 'a documentation address'],
  ['fc00::', 7, 'ipv6', 'a private (unique local) address'],
  ['fe80::', 10, 'ipv6', 'a link-local address'],
  ['fec0::', 10, 'ipv6', 'a site-local address'],
  ['ff00::', 8, 'ipv6', 'a multicast address'],
];

/** Metadata endpoints that sit in otherwise public-looking space. */
const METADATA = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

const lists = RANGES.map(([net, bits, family, why]) => {
  const bl = new BlockList();
  bl.addSubnet(net, bits, family);
  return { bl, family, why };
});

/** IPv4 carried inside IPv6 (::ffff:a.b.c.d, 64:ff9b::a.b.c.d) is judged as the IPv4 it carries. */
function unwrapV4(address: string): string | null {
  const lower = address.toLowerCase();
  const dotted = /^(?:::ffff:|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1]!;
  const hex = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1]!, 16);
    const lo = parseInt(hex[2]!, 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return null;
}

/** Why an address must not be fetched, or null when it is public. */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v4 = unwrapV4(bare);
  if (v4) return blockedReason(v4);
  const fam = isIP(bare);
  if (fam === 0) return 'not an IP address';
  if (METADATA.has(bare.toLowerCase())) return 'a cloud metadata address';
  const family = fam === 4 ? 'ipv4' : 'ipv6';
  for (const l of lists) if (l.family === family && l.bl.check(bare, family)) return l.why;
  if (family === 'ipv4' && bare === '255.255.255.255') return 'the broadcast address';
  return null;
}

/**
 * Host names that name a metadata service whatever DNS says. (`localhost`
 * needs no entry: it resolves to loopback addresses, which are checked.)
 */
export function blockedHostReason(hostname: string): string | null {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return METADATA_HOSTS.has(h) ? 'a cloud metadata host' : null;
}

/**
 * The NEWSFLOW_FETCH_ALLOW list: host names (`feeds.corp`, `*.corp`), IP
 * addresses and CIDRs that may be reached although they are not public.
 */
export class AllowList {
  private readonly hosts = new Set<string>();
  private readonly suffixes: string[] = [];
  private readonly nets = new BlockList();
  private readonly hasNets: boolean;

  constructor(entries: readonly string[]) {
    let nets = false;
    for (const raw of entries) {
      const e = raw.trim().toLowerCase().replace(/^\[|\]$/g, '');
      if (!e) continue;
      const cidr = /^(.+)\/(\d{1,3})$/.exec(e);
      if (cidr && isIP(cidr[1]!)) {
        this.nets.addSubnet(cidr[1]!, Number(cidr[2]), isIP(cidr[1]!) === 4 ? 'ipv4' : 'ipv6');
        nets = true;
      } else if (isIP(e)) {
        this.nets.addAddress(e, isIP(e) === 4 ? 'ipv4' : 'ipv6');
        nets = true;
      } else if (e.startsWith('*.')) this.suffixes.push(e.slice(1));
      else this.hosts.add(e.replace(/\.$/, ''));
    }
    this.hasNets = nets;
  }

  /** The host name itself is allowed, whatever it resolves to. */
  allowsHost(hostname: string): boolean {
    const h = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
    if (this.hosts.has(h)) return true;
    if (isIP(h)) return this.allowsAddress(h);
    return this.suffixes.some((s) => h.endsWith(s));
  }

  allowsAddress(address: string): boolean {
    if (!this.hasNets) return false;
    const bare = address.replace(/%.*$/, '');
    const v4 = unwrapV4(bare) ?? bare;
    const fam = isIP(v4);
    if (fam === 0) return false;
    return this.nets.check(v4, fam === 4 ? 'ipv4' : 'ipv6');
  }
}
