/**
 * The ledger: replays a portfolio's opening lots and trades into the lots
 * still held and the disposals (lots closed by sells), applying the
 * wash-sale rule to recorded loss sales (ledger-wash.ts).
 *
 * Replay order: every opening lot (`p.lots`) first, then the trades by date,
 * ties in file order.
 * - buy / reinvest: opens a lot, basis = quantity × price (valueOf).
 * - sell: closes lots of the same account + symbol acquired on or before its
 *   date — the lots it names (`trade.lots`, by acquisition date), or FIFO
 *   (acquired, then file order). With `settings.lotMethod` 'chosen' every
 *   sell must name its lots. Proceeds = quantity × price, split across the
 *   closed lots pro rata (cumulative rounding: the parts add up exactly).
 *
 * Lot ids: "lot:3" (p.lots[3]), "trade:17" (p.trades[17]); a part split off by
 * a wash sale (the matched replacement shares, with the adjusted basis) gets
 * "trade:17.2", then ".3"…, the lot keeping its id and the rest.
 *
 * Disposals: one per lot (or part of a lot) a sell closes; when only part of
 * it is replaced, the disposal is not split: its `disallowedMinor` is the
 * disallowed part and `replacements` say which shares replaced it (the rest
 * of the loss stays deductible).
 */
import { identicalGroups } from './classes';
import { firstLongTermDay, formatDay } from './dates';
import { Holdings, toOpenLot, type Piece, type PurchaseRecord } from './ledger-pieces';
import { applyReservations, applyWashSale, PurchaseIndex } from './ledger-wash';
import { formatQty, proRata, valueOf } from './quantity';
import type { Day, Disposal, Ledger, OpenLot, Portfolio, PortfolioTaxType, PortfolioTrade, Purchase, Qty } from './types';

/** A trade the ledger cannot replay (selling more than is held, naming a lot that does not exist…). */
export class LedgerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LedgerError';
  }
}

export function buildLedger(p: Portfolio): Ledger {
  const taxTypes = new Map(p.accounts.map((a) => [a.id, a.taxType]));
  const taxTypeOf = (account: string, kind: 'lots' | 'trades', index: number): PortfolioTaxType => {
    const taxType = taxTypes.get(account);
    if (taxType === undefined) throw new LedgerError(`${kind}[${index}] names the account "${account}", which is not in accounts`);
    return taxType;
  };
  const groupOf = memoGroups(p.identical);
  const holdings = new Holdings();

  // Every purchase, in purchase order: by date, opening lots first, then file order.
  const lotOrder = orderByDay(p.lots.length, (i) => p.lots[i]!.acquired);
  const order = orderByDay(p.trades.length, (i) => p.trades[i]!.date);
  const lotRecords = new Array<PurchaseRecord>(p.lots.length);
  const tradeRecords = new Array<PurchaseRecord | undefined>(p.trades.length);
  const records: PurchaseRecord[] = [];
  const purchases: Purchase[] = [];
  const add = (purchase: Purchase) => {
    const record: PurchaseRecord = {
      purchase,
      rank: records.length,
      group: groupOf(purchase.symbol),
      opened: false,
      free: purchase.quantity,
      first: null,
      reservations: null,
      held: holdings.listFor(purchase.account, purchase.symbol),
    };
    records.push(record);
    purchases.push(purchase);
    return record;
  };
  for (let i = 0, j = 0; i < lotOrder.length || j < order.length; ) {
    const t = j < order.length ? p.trades[order[j]!]! : undefined;
    if (t !== undefined && t.side === 'sell') {
      j++;
    } else if (t === undefined || (i < lotOrder.length && p.lots[lotOrder[i]!]!.acquired <= t.date)) {
      const index = lotOrder[i++]!;
      const lot = p.lots[index]!;
      taxTypeOf(lot.account, 'lots', index);
      lotRecords[index] = add({ origin: { kind: 'lot', index }, account: lot.account, symbol: lot.symbol, side: 'lot', date: smallInt(lot.acquired), quantity: lot.quantity });
    } else {
      const index = order[j++]!;
      tradeRecords[index] = add({ origin: { kind: 'trade', index }, account: t.account, symbol: t.symbol, side: t.side, date: smallInt(t.date), quantity: t.quantity });
    }
  }

  const ctx = { holdings, index: new PurchaseIndex(records), taxTypeOf: (account: string) => taxTypes.get(account)! };
  lotRecords.forEach((record, index) => holdings.open(record, p.lots[index]!.costBasisMinor));

  const termOn = memoTerm();
  const disposals: Disposal[] = [];
  for (let k = 0; k < order.length; k++) {
    const index = order[k]!;
    const trade = p.trades[index]!;
    const taxType = taxTypeOf(trade.account, 'trades', index);
    const record = tradeRecords[index];
    if (record) {
      const piece = holdings.open(record, valueOf(trade.quantity, trade.priceMinor));
      applyReservations(holdings, piece);
      continue;
    }
    const from = disposals.length;
    sell(p, trade, index, taxType, holdings, termOn, disposals);
    for (let i = from; i < disposals.length; i++) {
      const disposal = disposals[i]!;
      // IRS Publication 550, "Wash Sales": only a loss can be disallowed, and
      // only a taxable account's loss is deductible in the first place.
      if (disposal.gainMinor < 0 && taxType === 'taxable') applyWashSale(ctx, disposal, groupOf(trade.symbol));
    }
  }

  // Held pieces in purchase order; a purchase's pieces in the order they were made.
  const open: OpenLot[] = [];
  for (const record of records) for (let piece = record.first; piece !== null; piece = piece.next) open.push(toOpenLot(piece));
  return { open, disposals, purchases };
}

/**
 * Indices 0…n−1 sorted by day, ties by index (a stable sort), with one
 * numeric sort of (day − first day) × n + index: no comparator calls.
 */
function orderByDay(n: number, dayOf: (i: number) => Day): number[] {
  let min = Infinity;
  let max = -Infinity;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const day = dayOf(i);
    if (day < max) sorted = false;
    if (day < min) min = day;
    if (day > max) max = day;
  }
  if (sorted) return Array.from({ length: n }, (_, i) => i); // files usually list trades by date
  if ((max - min + 1) * n > Number.MAX_SAFE_INTEGER) {
    return Array.from({ length: n }, (_, i) => i).sort((a, b) => dayOf(a) - dayOf(b) || a - b);
  }
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (dayOf(i) - min) * n + i;
  keys.sort();
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = smallInt(keys[i]! % n);
  return out;
}

/**
 * A day or an index as a V8 small integer. Days parsed by division arrive as
 * doubles; stored as such, every ledger object would carry a boxed number for
 * each date (about 100,000 more allocations on a large portfolio). Days and
 * indices are integers far inside 32 bits, so `| 0` changes no value.
 */
function smallInt(n: number): number {
  return n | 0;
}

/** identicalGroups with a cache per symbol (it normalizes and walks a union-find on every call). */
export function memoGroups(declared: Portfolio['identical']): (symbol: string) => string {
  const group = identicalGroups(declared);
  const cache = new Map<string, string>();
  return (symbol) => {
    let g = cache.get(symbol);
    if (g === undefined) {
      g = group(symbol);
      cache.set(symbol, g);
    }
    return g;
  };
}

type TermOn = (holdingFrom: Day, sold: Day) => 'short' | 'long';

/** dates.ts termOf, with each holding period's first long-term day worked out once (it builds Dates). */
function memoTerm(): TermOn {
  const longFrom = new Map<Day, Day>();
  return (holdingFrom, sold) => {
    let first = longFrom.get(holdingFrom);
    if (first === undefined) {
      first = firstLongTermDay(holdingFrom);
      longFrom.set(holdingFrom, first);
    }
    return sold >= first ? 'long' : 'short';
  };
}

/** Closes the lots a sell sells; adds its disposals to `out` in the order it closed them. */
function sell(p: Portfolio, trade: PortfolioTrade, index: number, taxType: PortfolioTaxType, holdings: Holdings, termOn: TermOn, out: Disposal[]): void {
  // Pieces are in FIFO order, so those acquired on or before the sale come first.
  const pieces = holdings.listFor(trade.account, trade.symbol);
  let heldCount = 0;
  let heldQty: Qty = 0;
  while (heldCount < pieces.length && pieces[heldCount]!.acquired <= trade.date) heldQty += pieces[heldCount++]!.quantity;

  const proceedsTotal = valueOf(trade.quantity, trade.priceMinor);
  let soldSoFar: Qty = 0;

  if (trade.lots === undefined) {
    if (p.settings.lotMethod === 'chosen') {
      throw new LedgerError(`${sellText(trade, index)} without naming its lots, but the lot method is "chosen": every sell must name the lots it closes`);
    }
    if (heldQty < trade.quantity) throw new LedgerError(`${sellText(trade, index)}, but only ${formatQty(heldQty)} are held then`);
    // FIFO from the front: a piece sold out leaves the list, the next moves up.
    let left = trade.quantity;
    let i = 0;
    while (left > 0) {
      const piece = pieces[i]!;
      const quantity = Math.min(left, piece.quantity);
      left -= quantity;
      if (quantity < piece.quantity) i++;
      closePiece(out, trade, index, taxType, piece, quantity, soldSoFar, proceedsTotal, holdings, termOn);
      soldSoFar += quantity;
    }
    return;
  }

  const named = trade.lots.reduce((sum, c) => sum + c.quantity, 0);
  if (named !== trade.quantity) throw new LedgerError(`${sellText(trade, index)}, but its lots add up to ${formatQty(named)}`);
  // Check every named lot before closing any.
  const picks: { piece: Piece; quantity: Qty }[] = [];
  const taken = new Map<Piece, Qty>();
  const free = (piece: Piece) => piece.quantity - (taken.get(piece) ?? 0);
  for (const chosen of trade.lots) {
    const same = pieces.slice(0, heldCount).filter((piece) => piece.acquired === chosen.acquired);
    const available = same.reduce((sum, piece) => sum + free(piece), 0);
    const lot = `the lot acquired ${formatDay(chosen.acquired)}`;
    if (same.length === 0) throw new LedgerError(`${sellText(trade, index)} from ${lot}, but no lot acquired that day is held then`);
    if (available < chosen.quantity) {
      throw new LedgerError(`${sellText(trade, index)} with ${formatQty(chosen.quantity)} from ${lot}, but that lot holds only ${formatQty(available)} then`);
    }
    let left = chosen.quantity;
    for (const piece of same) {
      const quantity = Math.min(left, free(piece));
      if (quantity === 0) continue;
      picks.push({ piece, quantity });
      taken.set(piece, (taken.get(piece) ?? 0) + quantity);
      left -= quantity;
      if (left === 0) break;
    }
  }
  for (const { piece, quantity } of picks) {
    closePiece(out, trade, index, taxType, piece, quantity, soldSoFar, proceedsTotal, holdings, termOn);
    soldSoFar += quantity;
  }
}

/** Sells `quantity` shares of `piece` for the trade: adds the disposal to `out`. */
function closePiece(out: Disposal[], trade: PortfolioTrade, index: number, taxType: PortfolioTaxType, piece: Piece, quantity: Qty, soldBefore: Qty, proceedsTotal: number, holdings: Holdings, termOn: TermOn) {
  // Proceeds pro rata, cumulative: the parts add up to the sale's proceeds exactly.
  const proceedsMinor = proRata(proceedsTotal, soldBefore + quantity, trade.quantity) - proRata(proceedsTotal, soldBefore, trade.quantity);
  const { acquired, holdingFrom } = piece;
  const basisMinor = holdings.take(piece, quantity);
  out.push({
    tradeIndex: index,
    account: trade.account,
    taxType,
    symbol: trade.symbol,
    quantity,
    acquired,
    holdingFrom,
    sold: smallInt(trade.date),
    proceedsMinor,
    basisMinor,
    gainMinor: proceedsMinor - basisMinor,
    term: termOn(holdingFrom, trade.date),
    disallowedMinor: 0,
    replacements: [],
  });
}

/** "trades[4] sells 10 VTI in "brokerage" on 2026-01-05", for errors. */
function sellText(trade: PortfolioTrade, index: number): string {
  return `trades[${index}] sells ${formatQty(trade.quantity)} ${trade.symbol} in "${trade.account}" on ${formatDay(trade.date)}`;
}
