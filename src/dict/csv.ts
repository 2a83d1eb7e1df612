/** One CSV record with the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Parse RFC 4180 CSV: fields separated by commas, optionally in double
 * quotes (which may hold commas, newlines and doubled quotes), records
 * separated by LF or CRLF. A leading UTF-8 BOM is dropped. Blank lines are
 * skipped. An unterminated quote is reported by returning `error` with the
 * line it opened on, so the caller can name file and line.
 */
export function parseCsv(text: string): { rows: CsvRow[]; error?: { line: number; message: string } } {
  const src = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  let quoted = false;
  let quoteLine = 0;
  const endRow = (): void => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0]!.trim() === '')) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  while (i < src.length) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      i++;
      continue;
    }
    if (c === '"' && field.trim() === '') {
      quoted = true;
      quoteLine = line;
      field = '';
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += c;
    }
    i++;
  }
  if (quoted) return { rows, error: { line: quoteLine, message: 'quoted field never closed' } };
  if (field !== '' || fields.length > 0) endRow();
  return { rows };
}
