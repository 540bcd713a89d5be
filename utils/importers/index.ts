/**
 * Reading any import file: its bytes decoded, OFX/QFX recognised from its
 * text, anything else read as CSV and offered to every format's detect();
 * the best one parses. With a forced format or the person's column mapping
 * the file is read that way instead. Never throws for a bad file: what went
 * wrong comes back as errors (line 0 = the file as a whole).
 */
import { decodeBytes, FileRefusedError, readCsv } from './csv';
import { FORMATS, formatById } from './formats';
import { delimiterHint, firstLineText, guessHeaderRow, parseWithMapping } from './mapping';
import { normalizeHeader } from './table';
import type {
  ColumnMapping, CsvRow, CsvTable, DateOrder, FormatId, FormatOptions, FormatOutput, ImportFormat, ImportReading, ParsedImport,
} from './types';

export interface ReadImportOptions {
  /** Read as this format instead of the detected one. */
  format?: FormatId;
  /** Read with the person's column mapping (result format null; the commit uses 'mapping'). */
  mapping?: ColumnMapping;
  currency?: string;
  dateOrder?: DateOrder;
  /** 0..1; called during reading and once with 1. */
  onProgress?: (share: number) => void;
}

export { FORMATS, formatById } from './formats';
export { headerKey, suggestMapping, checkMapping, guessHeaderRow } from './mapping';

/** How many rows detect() sees. */
const SCAN_ROWS = 50;
const SAMPLE_ROWS = 20;

type Progress = { reading: (share: number) => void; done: () => void };

/** Reading reports 0–0.9, strictly increasing; parsing ends with exactly one 1. */
function progress(callback?: (share: number) => void): Progress {
  let last = 0;
  return {
    reading(share) {
      const value = Math.min(Math.max(share, 0), 1) * 0.9;
      if (callback && value > last) {
        last = value;
        callback(value);
      }
    },
    done: () => callback?.(1),
  };
}

function fileError(reason: string, encoding = '', delimiter = ''): ImportReading {
  return { format: null, records: [], errors: [{ line: 0, column: '', reason }], notes: [], candidates: [], encoding, delimiter, rowsRead: 0 };
}

function safe<T>(run: () => T, fallback: T): T {
  try {
    return run();
  } catch {
    return fallback;
  }
}

function parseSafely(format: ImportFormat, run: () => FormatOutput): FormatOutput {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { records: [], errors: [{ line: 0, column: '', reason: `Strata could not read the file as ${format.label}: ${message}` }], notes: [] };
  }
}

/** Reads an import file from its bytes (UTF-8, UTF-16 or Windows-1252). */
export function readImport(bytes: Uint8Array, options: ReadImportOptions = {}): ImportReading {
  let decoded: { text: string; encoding: string };
  try {
    decoded = decodeBytes(bytes);
  } catch (error) {
    if (!(error instanceof FileRefusedError)) throw error;
    options.onProgress?.(1);
    return fileError(error.message);
  }
  return readDecoded(decoded.text, decoded.encoding, options);
}

/** Reads an import file already decoded to text (encoding reported as 'utf-8'). */
export function readImportText(text: string, options: ReadImportOptions = {}): ImportReading {
  return readDecoded(text.replace(/^\uFEFF/, ''), 'utf-8', options);
}

/** Exactly what `strata import` prints. */
export function toParsedImport(reading: ImportReading): ParsedImport {
  return { format: reading.format, records: reading.records, errors: reading.errors, notes: reading.notes };
}

function trimTrailing(cells: readonly string[]): string[] {
  const out = [...cells];
  while (out.length > 0 && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

/** The row a format read as its header: the first row its detect() recognises alone, else the guessed header. */
function headerIndexFor(format: ImportFormat, rows: readonly CsvRow[]): number {
  const end = Math.min(rows.length, 40);
  for (let i = 0; i < end; i++) if (safe(() => format.detect([rows[i]!]), 0) > 0) return i;
  return guessHeaderRow(rows);
}

/** The row holding every column a mapping names, else the guessed header. */
function headerIndexForMapping(mapping: ColumnMapping, rows: readonly CsvRow[]): number {
  const names = Object.values(mapping.columns).filter((n): n is string => !!n && n.trim() !== '').map(normalizeHeader);
  const end = Math.min(rows.length, 40);
  for (let i = 0; i < end; i++) {
    const cells = new Set(rows[i]!.cells.map(normalizeHeader));
    if (names.length > 0 && names.every((n) => cells.has(n))) return i;
  }
  return guessHeaderRow(rows);
}

function readDecoded(text: string, encoding: string, options: ReadImportOptions): ImportReading {
  const report = progress(options.onProgress);
  const formatOptions: FormatOptions = {};
  if (options.currency !== undefined) formatOptions.currency = options.currency;
  if (options.dateOrder !== undefined) formatOptions.dateOrder = options.dateOrder;
  const forced = options.format !== undefined ? formatById(options.format) : undefined;
  if (text.trim() === '') {
    report.done();
    return fileError('The file is empty.', encoding);
  }
  if (options.format !== undefined && !forced) {
    report.done();
    return fileError(`Strata has no format called "${options.format}".`, encoding);
  }

  // OFX/QFX and other text layouts first, from the whole text.
  const textScores = FORMATS.map((f, order) => ({ f, order, score: f.text ? safe(() => f.text!.detect(text), 0) : 0 })).filter((s) => s.score > 0);
  const textFormat = forced ? (forced.text ? forced : undefined) : options.mapping ? undefined : [...textScores].sort((a, b) => b.score - a.score || a.order - b.order)[0]?.f;
  if (textFormat?.text) {
    const out = parseSafely(textFormat, () => textFormat.text!.parse(text, formatOptions));
    report.done();
    const lines = new Set([...out.records.map((r) => r.line), ...out.errors.filter((e) => e.line > 0).map((e) => e.line)]);
    return {
      format: textFormat.id, records: out.records, errors: out.errors, notes: out.notes,
      candidates: textScores.sort((a, b) => b.score - a.score || a.order - b.order).map(({ f, score }) => ({ id: f.id, label: f.label, score })),
      encoding, delimiter: '', rowsRead: lines.size, group: textFormat.group,
      // An OFX file names its institution (<FI><ORG>): created accounts carry that name.
      institution: (out as { institution?: string }).institution ?? textFormat.institution,
      ...(out.dateOrder ? { dateOrder: out.dateOrder } : {}),
    };
  }

  const table = readCsv(text, encoding, { onProgress: report.reading });
  const head = table.rows.slice(0, SCAN_ROWS);
  const scored = FORMATS.map((f, order) => ({ f, order, score: f.text ? (textScores.find((s) => s.f === f)?.score ?? 0) : safe(() => f.detect(head), 0) }));
  const candidates = scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .map(({ f, score }) => ({ id: f.id, label: f.label, score }));

  let reading: ImportReading;
  if (options.mapping) {
    const at = headerIndexForMapping(options.mapping, table.rows);
    const out = at < 0
      ? { records: [], errors: [{ line: 0, column: '', reason: `The file has no header row with the mapped columns.${delimiterHint(table)}` }], notes: [] }
      : parseWithMapping(table, at, options.mapping, formatOptions);
    reading = assemble(table, null, out, at, candidates);
  } else {
    const format = forced ?? (candidates[0] ? formatById(candidates[0].id) : undefined);
    if (!format) reading = unknownLayout(table, candidates);
    else {
      const out = parseSafely(format, () => format.parse(table, formatOptions));
      if (forced && (scored.find((s) => s.f === forced)?.score ?? 0) === 0) explainMissingHeader(format, table, out);
      reading = assemble(table, format, out, headerIndexFor(format, table.rows), candidates);
    }
  }
  report.done();
  return reading;
}

/** A forced format that did not recognise the file: its error names what is missing (unless the format already said so). */
function explainMissingHeader(format: ImportFormat, table: CsvTable, out: FormatOutput): void {
  const hint = delimiterHint(table);
  if (out.records.length > 0) {
    out.notes.unshift(`The file does not look like ${format.label}'s layout; check the rows before importing.`);
    return;
  }
  const own = out.errors.find((e) => /header/i.test(e.reason));
  if (own) {
    if (hint && !/delimiter|split at|commas|semicolons|tabs/i.test(own.reason)) own.reason += hint;
    return;
  }
  out.errors.unshift({
    line: table.rows[0]?.line ?? 0,
    column: '',
    reason: `The file does not have ${format.label}'s header in its first 40 lines. Its first line reads: ${firstLineText(table)}.${hint}`,
  });
}

function unknownLayout(table: CsvTable, candidates: ImportReading['candidates']): ImportReading {
  const at = guessHeaderRow(table.rows);
  const headerRow = table.rows[at] ?? table.rows[0];
  const cells = trimTrailing(headerRow?.cells ?? []).map((c) => c.trim());
  const shown = cells.slice(0, 8).join(', ') + (cells.length > 8 ? ', …' : '');
  const reason = table.rows.length === 1
    ? 'The file has a header but no rows.'
    : `Strata does not know this layout (its header is: ${shown}). Map its columns, or choose a format.${delimiterHint(table)}`;
  const out: FormatOutput = { records: [], errors: [{ line: table.rows.length === 1 ? 0 : (headerRow?.line ?? 1), column: '', reason }], notes: [] };
  return assemble(table, null, out, at < 0 && table.rows.length > 0 ? 0 : at, candidates);
}

function assemble(table: CsvTable, format: ImportFormat | null, out: FormatOutput, headerAt: number, candidates: ImportReading['candidates']): ImportReading {
  const header = table.rows[headerAt];
  const rowsRead = header ? table.rows.length - headerAt - 1 : table.rows.length;
  const errors = [...out.errors];
  if (out.records.length === 0 && errors.length === 0 && rowsRead === 0) errors.push({ line: 0, column: '', reason: 'The file has a header but no rows.' });
  const reading: ImportReading = {
    format: format?.id ?? null,
    records: out.records,
    errors,
    notes: out.notes,
    candidates,
    encoding: table.encoding,
    delimiter: table.delimiter,
    rowsRead,
  };
  if (header) {
    reading.header = trimTrailing(header.cells);
    reading.sample = table.rows.slice(headerAt + 1, headerAt + 1 + SAMPLE_ROWS).map((r) => r.cells);
  }
  if (out.dateOrder) reading.dateOrder = out.dateOrder;
  if (format) {
    reading.group = format.group;
    reading.institution = format.institution;
  }
  return reading;
}
