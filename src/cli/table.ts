import stringWidth from 'string-width';

/** Cut a string to a display width (CJK characters count two columns). */
export function fit(s: string, width: number): string {
  if (stringWidth(s) <= width) return s + ' '.repeat(width - stringWidth(s));
  let out = '';
  for (const ch of s) {
    if (stringWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…${' '.repeat(Math.max(0, width - 1 - stringWidth(out)))}`;
}

/** A plain text table with a header rule; column widths from the content, capped. */
export function renderTable(header: string[], rows: string[][], maxWidths: number[]): string {
  const widths = header.map((h, i) => Math.min(maxWidths[i] ?? 40, Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[i] ?? '')))));
  const line = (cells: string[]) => cells.map((c, i) => fit(c, widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
