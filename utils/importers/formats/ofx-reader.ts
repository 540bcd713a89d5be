/**
 * Reading values out of OFX elements for ofx.ts: dates, amounts, share
 * counts and securities, each refusal named by the line and the tag, the
 * way Table does it for CSV.
 */
import type { Money } from '../../money';
import { parseDate } from '../dates';
import { decimalToMinor, readDecimal } from '../table';
import type { ImportError, ImportedRecord } from '../types';
import { at, findAll, leaf, type OfxNode } from './ofx-sgml';

export interface Statement {
  account?: string;
  currency: string;
  asOf?: string;
}

/** Reads values out of OFX elements, collecting refusals the way Table does for CSV. */
export class OfxReader {
  readonly records: ImportedRecord[] = [];
  readonly errors: ImportError[] = [];
  rounded = 0;
  /** Entries left out on purpose or unread, by tag name. */
  readonly transfers: number[] = [];
  readonly unread = new Map<string, number>();
  readonly noTotal: string[] = [];
  private readonly securities = new Map<string, { ticker?: string; name?: string }>();

  constructor(root: OfxNode) {
    for (const info of findAll(root, ['SECINFO'])) {
      const id = leaf(info, 'SECID/UNIQUEID');
      if (id) this.securities.set(id, { ticker: leaf(info, 'TICKER'), name: leaf(info, 'SECNAME') });
    }
  }

  fail(line: number, column: string, reason: string): undefined {
    this.errors.push({ line, column, reason });
    return undefined;
  }

  /** A date leaf (the day part of 20230901120000.000[-5:EST]); a missing one is refused on the entry's line. */
  date(node: OfxNode | undefined, path: string, entry: OfxNode, what: string): string | undefined {
    const el = at(node, path);
    const tag = path.split('/').pop()!;
    if (!el?.value) return this.fail(entry.line, tag, `the ${what} has no date (<${tag}>)`);
    const parsed = parseDate(el.value, 'YMD');
    return parsed.ok ? parsed.date : this.fail(el.line, tag, parsed.reason);
  }

  optionalDate(value: string | undefined): string | undefined {
    if (!value) return undefined;
    const parsed = parseDate(value, 'YMD');
    return parsed.ok ? parsed.date : undefined;
  }

  /** An amount leaf in `currency`; `round` accepts (and counts) figures more precise than the currency. */
  money(node: OfxNode | undefined, path: string, currency: string, entry: OfxNode, what: string, round = true): Money | undefined {
    const el = at(node, path);
    const tag = path.split('/').pop()!;
    if (!el?.value) return this.fail(entry.line, tag, `the ${what} has no ${tag === 'UNITPRICE' ? 'price' : 'amount'} (<${tag}>)`);
    const text = /^[+-]?\d*,\d+$/.test(el.value) ? el.value.replace(',', '.') : el.value;
    const decimal = readDecimal(text);
    const minor = decimal && decimalToMinor(decimal, currency);
    if (!minor) return this.fail(el.line, tag, `"${el.value}" is not an amount`);
    if (minor.rounded) {
      if (!round) return this.fail(el.line, tag, `"${el.value}" has more decimals than ${currency} has`);
      this.rounded++;
    }
    return { minor: minor.minor, currency };
  }

  optionalMoney(node: OfxNode | undefined, path: string, currency: string, entry: OfxNode, what: string): Money | undefined {
    return leaf(node, path) === undefined ? undefined : this.money(node, path, currency, entry, what);
  }

  /** A share count as an exact decimal string, sign dropped, at most 6 decimals. */
  quantity(node: OfxNode | undefined, path: string, entry: OfxNode, what: string): string | undefined {
    const el = at(node, path);
    const tag = path.split('/').pop()!;
    if (!el?.value) return this.fail(entry.line, tag, `the ${what} has no number of units (<${tag}>)`);
    const decimal = readDecimal(el.value.replace(/^([+-]?\d*),(\d+)$/, '$1.$2'));
    if (!decimal) return this.fail(el.line, tag, `"${el.value}" is not a number of units`);
    let digits = decimal.digits.padStart(decimal.scale + 1, '0');
    let scale = decimal.scale;
    while (scale > 0 && digits.endsWith('0')) {
      digits = digits.slice(0, -1);
      scale--;
    }
    if (scale > 6) return this.fail(el.line, tag, `"${el.value}" has more than 6 decimals`);
    const whole = digits.slice(0, digits.length - scale).replace(/^0+(?=\d)/, '');
    return scale === 0 ? whole : `${whole}.${digits.slice(-scale)}`;
  }

  /** The security's ticker from SECLIST, else its UNIQUEID (a CUSIP); refused when the entry names none. */
  symbol(node: OfxNode, entry: OfxNode, what: string): string | undefined {
    const id = leaf(node, 'SECID/UNIQUEID');
    if (!id) return this.fail(entry.line, 'UNIQUEID', `the ${what} names no security (<SECID><UNIQUEID>)`);
    return this.securities.get(id)?.ticker ?? id;
  }

  securityName(node: OfxNode): string | undefined {
    const id = leaf(node, 'SECID/UNIQUEID');
    return id ? this.securities.get(id)?.name : undefined;
  }

  unreadEntry(name: string): void {
    this.unread.set(name, (this.unread.get(name) ?? 0) + 1);
  }
}

export function neg(m: Money): Money {
  return { minor: m.minor === 0 ? 0 : -m.minor, currency: m.currency };
}
export function abs(m: Money): Money {
  return { minor: Math.abs(m.minor), currency: m.currency };
}

/** The currency of an entry's amounts: its own <CURRENCY><CURSYM>, else the statement's CURDEF (ORIGCURRENCY amounts are already converted). */
export function entryCurrency(nodes: (OfxNode | undefined)[], st: Statement): string {
  for (const n of nodes) {
    const sym = leaf(n, 'CURRENCY/CURSYM');
    if (sym && /^[A-Z]{3}$/.test(sym)) return sym;
  }
  return st.currency;
}
