/**
 * The wash-sale rule on sales the portfolio records (IRS Publication 550,
 * "Wash Sales"): a loss on a sale is not deductible when, within 30 days
 * before or after the sale, you buy substantially identical stock. The
 * disallowed loss is added to the basis of the replacement shares and their
 * holding period includes the period the sold shares were held.
 *
 * How this engine applies it:
 * - Only a disposal at a loss in a TAXABLE account triggers (a loss inside a
 *   tax-deferred or tax-free account is never deductible in the first place).
 * - Replacement shares: every purchase (opening lot, buy, reinvested dividend —
 *   Pub 550 names dividend reinvestment as a purchase) of the same or a
 *   substantially identical symbol (classes.ts identicalGroups), in ANY
 *   account, dated sale − 30 ≤ date ≤ sale + 30.
 * - Shares sold by the same sell are not replacements (they are gone before
 *   matching); shares of a purchase sold before the loss sale are not either
 *   (only pieces still held count); each purchased share replaces at most once.
 * - Matching: replacement purchases in purchase order (date, opening lots
 *   first, file order), loss shares in the order the sell closed them. Pub 550
 *   Example 2 (four buys of 50 after a sale of 100: the first two replace it).
 * - Per matched share, the disallowed loss is that disposal's loss pro rata
 *   (cumulative rounding, so the parts add up to the loss exactly).
 * - A replacement in a taxable account: the matched shares get basis +=
 *   disallowed and holdingFrom = their purchase date − (sale − the sold
 *   shares' holdingFrom). When only part of a lot is matched, that part is
 *   split off (ledger-pieces.ts: id `${id}.2`, `.3`…); the lot keeps its id
 *   and the unmatched rest.
 * - A replacement in a tax-deferred or tax-free account (an IRA): the loss is
 *   disallowed for good and no basis carries (Rev. Rul. 2008-5): the
 *   replacement is recorded with `permanent: true`, the lot is left as it is.
 * - A purchase after the sale (not replayed yet) is reserved; its pieces are
 *   adjusted when it is replayed.
 */
import type { Holdings, Piece, PurchaseRecord } from './ledger-pieces';
import { proRata } from './quantity';
import type { Day, Disposal, PortfolioTaxType, Qty, WashReplacement } from './types';

/** The wash-sale window: 30 days before and after the sale, both ends included. */
export const WASH_WINDOW_DAYS = 30;

/** One group's purchases in purchase order, their dates, and skip links past exhausted ones. */
export interface GroupPurchases {
  records: PurchaseRecord[];
  dates: Day[];
  /** next[i] = i while purchase i may have free shares; else a later index (union-find with path compression). */
  next: Int32Array;
}

/** Purchases per wash-sale group, for binary search on dates; exhausted purchases are skipped in amortized O(1). */
export class PurchaseIndex {
  private readonly byGroup = new Map<string, GroupPurchases>();

  constructor(records: readonly PurchaseRecord[]) {
    const lists = new Map<string, PurchaseRecord[]>();
    for (const record of records) {
      let list = lists.get(record.group);
      if (list === undefined) {
        list = [];
        lists.set(record.group, list);
      }
      list.push(record);
    }
    for (const [group, list] of lists) {
      const next = new Int32Array(list.length + 1);
      for (let i = 0; i <= list.length; i++) next[i] = i;
      this.byGroup.set(group, { records: list, dates: list.map((r) => r.purchase.date), next });
    }
  }

  of(group: string): GroupPurchases | undefined {
    return this.byGroup.get(group);
  }
}

/** The first purchase at or after `i` not known to be exhausted (records.length when none). */
function live(g: GroupPurchases, i: number): number {
  const next = g.next;
  let root = i;
  while (next[root] !== root) root = next[root]!;
  while (next[i] !== root) {
    const after = next[i]!;
    next[i] = root;
    i = after;
  }
  return root;
}

/** The first index whose value is ≥ `value` in an ascending array. */
function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export interface WashContext {
  holdings: Holdings;
  index: PurchaseIndex;
  taxTypeOf: (account: string) => PortfolioTaxType;
}

/**
 * Matches one loss disposal (taxable account, gain < 0) to replacement
 * purchases and records the disallowed loss on it; adjusts (or reserves) the
 * replacement shares' basis and holding period.
 */
export function applyWashSale(ctx: WashContext, disposal: Disposal, group: string): void {
  const g = ctx.index.of(group);
  if (g === undefined) return;
  const sold = disposal.quantity;
  const sale = disposal.sold;
  // Holding period carried over: the sold shares were held (sale − holdingFrom) days.
  const heldDays = sale - disposal.holdingFrom;
  let matched: Qty = 0;

  for (let i = live(g, lowerBound(g.dates, sale - WASH_WINDOW_DAYS)); i < g.records.length && g.dates[i]! <= sale + WASH_WINDOW_DAYS && matched < sold; i = live(g, i + 1)) {
    const record = g.records[i]!;
    const permanent = ctx.taxTypeOf(record.purchase.account) !== 'taxable';
    const holdingFrom = record.purchase.date - heldDays;
    if (record.free > 0 && record.opened) {
      // Held pieces only: shares sold before this sale (or by it) are not replacements.
      for (let piece = record.first; piece !== null && matched < sold; piece = piece.next) {
        const free = piece.quantity - piece.usedQty;
        if (free <= 0) continue;
        const quantity = Math.min(free, sold - matched);
        const disallowedMinor = matchShares(disposal, matched, quantity, record, permanent);
        matched += quantity;
        adjustReplacement(ctx.holdings, piece, quantity, disallowedMinor, holdingFrom, permanent);
      }
    } else if (record.free > 0) {
      // Bought after the sale, not replayed yet: reserve; applyReservations adjusts it when it is.
      const quantity = Math.min(record.free, sold - matched);
      const disallowedMinor = matchShares(disposal, matched, quantity, record, permanent);
      matched += quantity;
      (record.reservations ??= []).push({ quantity, disallowedMinor, holdingFrom, permanent });
    }
    if (record.free === 0) g.next[i] = i + 1; // exhausted for good
  }
}

/**
 * Records that `quantity` more shares of `disposal` (after `matchedBefore`)
 * were replaced by `record`'s purchase; returns their disallowed loss: the
 * loss pro rata, cumulative, so the parts add up to the loss exactly.
 */
function matchShares(disposal: Disposal, matchedBefore: Qty, quantity: Qty, record: PurchaseRecord, permanent: boolean): number {
  // disposal.disallowedMinor is the disallowed loss of the shares matched so far.
  const disallowedMinor = proRata(-disposal.gainMinor, matchedBefore + quantity, disposal.quantity) - disposal.disallowedMinor;
  const p = record.purchase;
  record.free -= quantity;
  addReplacement(disposal, { purchase: p.origin, account: p.account, symbol: p.symbol, date: p.date, quantity, disallowedMinor, permanent });
  return disallowedMinor;
}

/** Merges consecutive matches to the same purchase into one replacement. */
function addReplacement(disposal: Disposal, replacement: WashReplacement) {
  const last = disposal.replacements[disposal.replacements.length - 1];
  if (last !== undefined && last.purchase.kind === replacement.purchase.kind && last.purchase.index === replacement.purchase.index) {
    last.quantity += replacement.quantity;
    last.disallowedMinor += replacement.disallowedMinor;
  } else {
    disposal.replacements.push(replacement);
  }
  disposal.disallowedMinor += replacement.disallowedMinor;
}

/**
 * Marks `quantity` free shares of `piece` as replacement shares. Taxable: they
 * carry the disallowed loss in their basis and the sold shares' holding
 * period (split off when they are not the whole piece). Tax-advantaged: the
 * loss is gone for good, only the shares are marked used.
 */
export function adjustReplacement(holdings: Holdings, piece: Piece, quantity: Qty, disallowedMinor: number, holdingFrom: Day, permanent: boolean): void {
  if (permanent) {
    piece.usedQty += quantity;
    return;
  }
  // Taxable pieces are either wholly used (adjusted) or wholly free, so a
  // match of all its shares adjusts the piece in place.
  const target = quantity === piece.quantity ? piece : holdings.splitOff(piece, quantity);
  target.basisMinor += disallowedMinor;
  target.washAdjustmentMinor += disallowedMinor;
  target.holdingFrom = holdingFrom;
  target.usedQty = target.quantity;
}

/** Replays a purchase bought after loss sales that matched it: applies their reservations in order. */
export function applyReservations(holdings: Holdings, piece: Piece): void {
  const reservations = piece.record.reservations;
  if (reservations === null) return;
  for (const r of reservations) adjustReplacement(holdings, piece, r.quantity, r.disallowedMinor, r.holdingFrom, r.permanent);
}
