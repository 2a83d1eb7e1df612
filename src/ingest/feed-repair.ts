/**
 * Repairs for the breakage real feeds ship with, applied only when the
 * strict parse failed and only where the meaning is unambiguous: characters
 * XML forbids, a bare `&`, and HTML entities XML does not know. CDATA
 * sections are left as they are.
 */

/** Characters XML 1.0 forbids anywhere, even as references. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

const XML_ENTITIES = new Set(['amp', 'lt', 'gt', 'quot', 'apos']);

/** HTML named entities seen in Chinese news feeds, as code points. */
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 0xa0, copy: 0xa9, reg: 0xae, trade: 0x2122, hellip: 0x2026, mdash: 0x2014, ndash: 0x2013, lsquo: 0x2018, rsquo: 0x2019,
  ldquo: 0x201c, rdquo: 0x201d, middot: 0xb7, bull: 0x2022, laquo: 0xab, raquo: 0xbb, times: 0xd7, divide: 0xf7, yen: 0xa5,
  euro: 0x20ac, pound: 0xa3, cent: 0xa2, deg: 0xb0, plusmn: 0xb1, sect: 0xa7, para: 0xb6, emsp: 0x2003, ensp: 0x2002, thinsp: 0x2009,
  zwj: 0x200d, zwnj: 0x200c, shy: 0xad, larr: 0x2190, rarr: 0x2192, uarr: 0x2191, darr: 0x2193,
};

/** Remove characters that XML forbids; safe to do always. */
export function stripIllegalXmlChars(xml: string): string {
  return xml.replace(ILLEGAL, '');
}

function repairEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+;|#[0-9]+;|[A-Za-z][A-Za-z0-9]*;)?/g, (whole, ref: string | undefined) => {
    if (!ref) return '&amp;';
    if (ref.startsWith('#')) return whole;
    const name = ref.slice(0, -1);
    if (XML_ENTITIES.has(name)) return whole;
    const cp = HTML_ENTITIES[name] ?? HTML_ENTITIES[name.toLowerCase()];
    return cp === undefined ? `&amp;${ref}` : `&#${cp};`;
  });
}

/** Escape bare ampersands and translate HTML entities outside CDATA sections. */
export function repairXml(xml: string): string {
  const parts = xml.split(/(<!\[CDATA\[[\s\S]*?\]\]>)/);
  return parts.map((p, i) => (i % 2 === 1 ? p : repairEntities(p))).join('');
}
