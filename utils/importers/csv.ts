/**
 * Reading a file's bytes into rows: the text encoding (UTF-8, or UTF-16
 * with or without its byte-order mark — older AdSense exports), the
 * delimiter (comma, tab, semicolon or pipe, chosen from the file's own
 * lines), and the rows with the physical line each starts on, through
 * papaparse. Pure: runs in the worker, in Node and in the bench.
 */
import Papa from 'papaparse';
import type { CsvRow, CsvTable } from './types';

/** The largest file read: 25 MB (about 300,000 bank transactions). */
export const MAX_IMPORT_BYTES = 25 * 1024 * 1024;

export class FileRefusedError extends Error {}

const MB = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1);

/** Refuses a file too large to read, naming its size and the limit. */
export function checkFileSize(bytes: number): void {
  if (bytes > MAX_IMPORT_BYTES) {
    throw new FileRefusedError(
      `The file is ${MB(bytes)} MB; Strata reads files up to ${MB(MAX_IMPORT_BYTES)} MB. Export a shorter date range and import each part.`,
    );
  }
}

/** The file's text and its encoding. UTF-16 is recognised by its byte-order mark or, without one, by its zero bytes. */
export function decodeBytes(bytes: Uint8Array): { text: string; encoding: string } {
  checkFileSize(bytes.length);
  let encoding = 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = 'utf-16le';
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = 'utf-16be';
  else if (bytes.length >= 4 && bytes[1] === 0 && bytes[3] === 0 && bytes[0] !== 0) encoding = 'utf-16le';
  else if (bytes.length >= 4 && bytes[0] === 0 && bytes[2] === 0 && bytes[1] !== 0) encoding = 'utf-16be';
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    if (encoding !== 'utf-8') throw new FileRefusedError(`The file starts like ${encoding.toUpperCase()} text but is not valid ${encoding.toUpperCase()}.`);
    // Older exports are often Windows-1252 (a "£" or "é" in a description).
    text = new TextDecoder('windows-1252').decode(bytes);
    encoding = 'windows-1252';
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}

const CANDIDATES = [',', '\t', ';', '|'] as const;

/** Counts `ch` outside double quotes in one line. */
function countOutsideQuotes(line: string, ch: string): number {
  let n = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ch && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter: of comma, tab, semicolon and pipe, the one that splits the
 * most of the first 30 non-empty lines into the same number (at least 2) of
 * cells; ties go to the comma. A file with one column reads as comma.
 */
export function detectDelimiter(text: string): string {
  const lines = text.slice(0, 64 * 1024).split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 30);
  let best: string = ',';
  let bestScore = 0;
  for (const ch of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, ch)).filter((n) => n > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const n of counts) freq.set(n, (freq.get(n) ?? 0) + 1);
    const modal = Math.max(...freq.values());
    // Lines sharing one cell count, weighted a little by how many cells they make.
    const score = modal + Math.min(0.5, [...freq.entries()].find(([, f]) => f === modal)![0] / 100);
    if (score > bestScore) {
      bestScore = score;
      best = ch;
    }
  }
  return best;
}

export interface ReadOptions {
  /** Forces the delimiter instead of detecting it. */
  delimiter?: string;
  /** Called now and then with the share of the text read, 0 to 1. */
  onProgress?: (done: number) => void;
}

/**
 * The rows of a CSV text, each with the line it starts on. Rows whose cells
 * are all empty are dropped (their lines still count). An unterminated quote
 * is kept as papaparse read it; the format names the problem on that line.
 */
export function readCsv(text: string, encoding = 'utf-8', options: ReadOptions = {}): CsvTable {
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const rows: CsvRow[] = [];
  let start = 0;
  let line = 1;
  const total = text.length || 1;
  let nextReport = 0;
  const onProgress = options.onProgress;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(result) {
      const end = result.meta.cursor;
      const cells = result.data;
      if (cells.some((cell) => cell.trim() !== '')) rows.push({ line, cells });
      for (let at = text.indexOf('\n', start); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) line++;
      start = end;
      if (onProgress && end >= nextReport) {
        onProgress(end / total);
        nextReport = end + total / 50;
      }
    },
  });
  onProgress?.(1);
  return { rows, delimiter, encoding };
}

/** Bytes → rows, refusing files too large or not text. */
export function readCsvBytes(bytes: Uint8Array, options: ReadOptions = {}): CsvTable & { text: string } {
  const { text, encoding } = decodeBytes(bytes);
  return { ...readCsv(text, encoding, options), text };
}
