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

/** The eight 16-bit groups of an IPv6 address in any spelling (`::`, a dotted IPv4 tail), or null. */
export function ipv6Groups(address: string): number[] | null {
  if (isIP(address) !== 6) return null;
  let s = address.toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? (s.split('::') as [string, string]) : [s, null];
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  if (tail === null) return left.length === 8 ? left : null;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;

/**
 * The IPv4 addresses an IPv6 address carries, with the name of the form:
 * IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`),
 * IPv4-compatible (`::a.b.c.d`, deprecated), NAT64 (`64:ff9b::/96`,
 * `64:ff9b:1::/48`), 6to4 (`2002::/16`) and Teredo (`2001::/32`, server and
 * inverted client). Each spelling of these reaches, or may reach, the IPv4
 * inside, so each is judged as that IPv4 (issue 17).
 */
export function embeddedV4(address: string): { form: string; v4: string[] } | null {
  const g = ipv6Groups(address);
  if (!g) return null;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return { form: 'IPv4-mapped', v4: [v4Of(g[6]!, g[7]!)] };
  if (zeros(0, 4) && g[4] === 0xffff && g[5] === 0) return { form: 'IPv4-translated', v4: [v4Of(g[6]!, g[7]!)] };
  if (zeros(0, 6) && (g[6] !== 0 || g[7]! > 1)) return { form: 'IPv4-compatible', v4: [v4Of(g[6]!, g[7]!)] };
  if (g[0] === 0x64 && g[1] === 0xff9b && (zeros(2, 6) || g[2] === 1)) return { form: 'NAT64', v4: [v4Of(g[6]!, g[7]!)] };
  if (g[0] === 0x2002) return { form: '6to4', v4: [v4Of(g[1]!, g[2]!)] };
  if (g[0] === 0x2001 && g[1] === 0) return { form: 'Teredo', v4: [v4Of(g[2]!, g[3]!), v4Of(~g[6]! & 0xffff, ~g[7]! & 0xffff)] };
  return null;
}

/** IPv4-mapped and IPv4-translated addresses are the IPv4 they carry; anything else stays as it is. */
function unwrapV4(address: string): string | null {
  const e = embeddedV4(address);
  return e && (e.form === 'IPv4-mapped' || e.form === 'IPv4-translated') ? e.v4[0]! : null;
}

/** Why an address must not be fetched, or null when it is public. */
export function blockedReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const embedded = embeddedV4(bare);
  if (embedded) {
    for (const v4 of embedded.v4) {
      const why = blockedReason(v4);
      if (why) return `an ${embedded.form} IPv6 address of ${v4}, ${why}`;
    }
    // Nothing public is reached through the deprecated form; the others reach a public IPv4.
    if (embedded.form === 'IPv4-compatible') return 'a deprecated IPv4-compatible IPv6 address';
    if (embedded.form === 'IPv4-mapped' || embedded.form === 'IPv4-translated') return null;
  }
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
