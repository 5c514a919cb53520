/**
 * A strict RFC 4180 reader for tests that read back the CSV files Auscult writes: fields
 * separated by commas, records by CRLF, a field in double quotes may hold commas, CRLF and
 * doubled quotes. Written independently of the writer (a state machine over characters, not a
 * split), and strict where a lenient reader would hide a bug: a bare LF or CR outside quotes, a
 * quote inside an unquoted field, text after a closing quote, rows of unequal width and a missing
 * final CRLF all throw.
 */

export interface CsvFile {
  /** True when the text began with U+FEFF. */
  readonly byteOrderMark: boolean;
  readonly rows: string[][];
}

interface State {
  field: string;
  row: string[];
  /** Inside a quoted field, before its closing quote. */
  inQuotes: boolean;
  /** Just after a quoted field's closing quote. */
  closed: boolean;
}

function fail(message: string, at: number): never {
  throw new Error(`CSV: ${message} at character ${at}`);
}

/** One character inside quotes: a doubled quote is a quote, a single one closes the field. */
function quotedChar(text: string, i: number, s: State): number {
  if (text[i] !== '"') {
    s.field += text[i];
    return i + 1;
  }
  if (text[i + 1] === '"') {
    s.field += '"';
    return i + 2;
  }
  s.inQuotes = false;
  s.closed = true;
  return i + 1;
}

/** Parses `text`; throws on anything RFC 4180 does not allow (see the module comment). */
export function readCsv(text: string): CsvFile {
  const byteOrderMark = text.startsWith('\uFEFF');
  const body = byteOrderMark ? text.slice(1) : text;
  if (!body.endsWith('\r\n')) fail('the last record does not end with CRLF', body.length);
  const rows: string[][] = [];
  const s: State = { field: '', row: [], inQuotes: false, closed: false };
  const endField = () => {
    s.row.push(s.field);
    Object.assign(s, { field: '', closed: false });
  };
  let i = 0;
  while (i < body.length) {
    const c = body[i];
    if (s.inQuotes) {
      i = quotedChar(body, i, s);
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' && body[i + 1] === '\n') {
      endField();
      rows.push(s.row);
      s.row = [];
      i += 2;
    } else if (s.closed) {
      fail(`${JSON.stringify(c)} after a closing quote`, i);
    } else if (c === '\r' || c === '\n') {
      fail('a line break outside quotes that is not CRLF', i);
    } else if (c === '"') {
      if (s.field !== '') fail('a quote inside an unquoted field', i);
      s.inQuotes = true;
      i += 1;
    } else {
      s.field += c;
      i += 1;
    }
  }
  if (s.inQuotes) fail('an unclosed quote', body.length);
  const width = rows[0]?.length ?? 0;
  rows.forEach((row, n) => {
    if (row.length !== width) fail(`record ${n + 1} has ${row.length} fields, not ${width}`, 0);
  });
  return { byteOrderMark, rows };
}

/** The rows after the header as objects keyed by the header's names. */
export function csvRecords(file: CsvFile): Record<string, string>[] {
  const [header, ...rows] = file.rows;
  return rows.map((row) => Object.fromEntries(header.map((name, i) => [name, row[i]])));
}
