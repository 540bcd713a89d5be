/**
 * The ledger's working state while it replays a portfolio: the open pieces of
 * lots (a lot, or a part of one split off by a wash sale), grouped per
 * account + symbol in FIFO order, and the purchase each piece came from.
 * Internal to ledger.ts and ledger-wash.ts. Built for 10,000s of lots: no
 * per-lookup key strings, ids built only for the lots still held at the end.
 */
import { proRata } from './quantity';
import type { Day, OpenLot, Purchase, Qty } from './types';

/** A loss sale's claim on a purchase not replayed yet (bought after the sale, inside its window). */
export interface Reservation {
  quantity: Qty;
  disallowedMinor: number;
  holdingFrom: Day;
  permanent: boolean;
}

/** One purchase (opening lot, buy or reinvestment) and what became of it. */
export interface PurchaseRecord {
  purchase: Purchase;
  /** Position in `Ledger.purchases`: by date, opening lots first, then file order. */
  rank: number;
  /** The wash-sale group of its symbol (substantially identical symbols share one). */
  group: string;
  /** Replayed yet: its shares are (or were) held. */
  opened: boolean;
  /**
   * Its shares still free to replace a loss sale: not used as a replacement,
   * not reserved, not sold. Never grows, so a purchase at 0 is skipped for good.
   */
  free: Qty;
  /** Its pieces still held, in the order they were made (a list linked by Piece.next). */
  first: Piece | null;
  /** Before it is opened: shares already matched to earlier loss sales, in match order (null: none). */
  reservations: Reservation[] | null;
  /** The held pieces of its account + symbol (Holdings.listFor), shared by every purchase of that pair. */
  held: Piece[];
}

/** A lot, or part of one, held while replaying. */
export interface Piece {
  record: PurchaseRecord;
  /** "" for the purchase itself; ".2", ".2.3"… for parts split off (the id is origin + suffix). */
  idSuffix: string;
  quantity: Qty;
  basisMinor: number;
  acquired: Day;
  holdingFrom: Day;
  washAdjustmentMinor: number;
  /** Shares of this piece already used as the replacement of a loss sale (each purchased share replaces at most once). */
  usedQty: Qty;
  /** Parts split off so far: the next gets the suffix `.${splitCount + 2}`. */
  splitCount: number;
  /** Creation order, to break FIFO ties between a piece and parts split off it. */
  seq: number;
  /** The purchase's next held piece. */
  next: Piece | null;
}

/** FIFO order: acquired, then file order (opening lots first), then split order. */
export function comparePieces(a: Piece, b: Piece): number {
  return a.acquired - b.acquired || a.record.rank - b.record.rank || a.seq - b.seq;
}

export class Holdings {
  /** Account → symbol → held pieces (two levels: no key strings built per lookup). */
  private readonly byAccount = new Map<string, Map<string, Piece[]>>();
  private seq = 0;

  /** The held pieces of one account + symbol, FIFO order: a live list, created empty when new. */
  listFor(account: string, symbol: string): Piece[] {
    let bySymbol = this.byAccount.get(account);
    if (bySymbol === undefined) {
      bySymbol = new Map();
      this.byAccount.set(account, bySymbol);
    }
    let list = bySymbol.get(symbol);
    if (list === undefined) {
      list = [];
      bySymbol.set(symbol, list);
    }
    return list;
  }

  /** A new piece for a purchase being replayed (the whole purchase). */
  open(record: PurchaseRecord, basisMinor: number): Piece {
    const p = record.purchase;
    const piece: Piece = {
      record,
      idSuffix: '',
      quantity: p.quantity,
      basisMinor,
      acquired: p.date,
      holdingFrom: p.date,
      washAdjustmentMinor: 0,
      usedQty: 0,
      splitCount: 0,
      seq: this.seq++,
      next: null,
    };
    record.opened = true;
    this.insert(piece);
    return piece;
  }

  /**
   * Splits `quantity` shares off `piece` into a new piece (id suffix `.2`,
   * then `.3`…), with its pro-rata share of the basis and of any adjustment;
   * `piece` keeps its id and the rest. The new piece's used shares start at 0.
   */
  splitOff(piece: Piece, quantity: Qty): Piece {
    const basisMinor = proRata(piece.basisMinor, quantity, piece.quantity);
    const washAdjustmentMinor = proRata(piece.washAdjustmentMinor, quantity, piece.quantity);
    const part: Piece = {
      ...piece,
      idSuffix: `${piece.idSuffix}.${piece.splitCount + 2}`,
      quantity,
      basisMinor,
      washAdjustmentMinor,
      usedQty: 0,
      splitCount: 0,
      seq: this.seq++,
      next: null,
    };
    piece.splitCount++;
    piece.quantity -= quantity;
    piece.basisMinor -= basisMinor;
    piece.washAdjustmentMinor -= washAdjustmentMinor;
    this.insert(part);
    return part;
  }

  /**
   * Takes `quantity` shares out of `piece` (a sale): returns their basis; the
   * piece keeps the rest, and is dropped when none is left. Shares already used
   * as a replacement leave first (the rest stay available to later loss sales).
   */
  take(piece: Piece, quantity: Qty): number {
    const basisMinor = proRata(piece.basisMinor, quantity, piece.quantity);
    const washMinor = proRata(piece.washAdjustmentMinor, quantity, piece.quantity);
    const usedSold = Math.min(piece.usedQty, quantity);
    piece.quantity -= quantity;
    piece.basisMinor -= basisMinor;
    piece.washAdjustmentMinor -= washMinor;
    piece.usedQty -= usedSold;
    piece.record.free -= quantity - usedSold;
    if (piece.quantity === 0) this.remove(piece);
    return basisMinor;
  }

  private insert(piece: Piece) {
    const list = piece.record.held;
    const last = list[list.length - 1];
    if (last === undefined || comparePieces(last, piece) <= 0) {
      list.push(piece); // the usual case: replaying in date order appends
    } else {
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (comparePieces(list[mid]!, piece) <= 0) lo = mid + 1;
        else hi = mid;
      }
      list.splice(lo, 0, piece);
    }
    const record = piece.record;
    if (record.first === null) record.first = piece;
    else {
      let tail = record.first;
      while (tail.next !== null) tail = tail.next;
      tail.next = piece;
    }
  }

  private remove(piece: Piece) {
    const list = piece.record.held;
    const at = list[0] === piece ? 0 : list.indexOf(piece);
    if (at >= 0) list.splice(at, 1);
    const record = piece.record;
    if (record.first === piece) record.first = piece.next;
    else {
      let before = record.first;
      while (before !== null && before.next !== piece) before = before.next;
      if (before !== null) before.next = piece.next;
    }
  }
}

export function toOpenLot(piece: Piece): OpenLot {
  const p = piece.record.purchase;
  return {
    id: `${p.origin.kind}:${p.origin.index}${piece.idSuffix}`,
    origin: p.origin,
    account: p.account,
    symbol: p.symbol,
    quantity: piece.quantity,
    basisMinor: piece.basisMinor,
    acquired: piece.acquired,
    holdingFrom: piece.holdingFrom,
    washAdjustmentMinor: piece.washAdjustmentMinor,
  };
}
