/**
 * OFX / QFX statements (Quicken, Vanguard, E*TRADE, most US banks): OFX 1.x
 * SGML and OFX 2.x XML, read by the tolerant tokenizer in ofx-sgml.ts.
 *
 * Investment statements (INVSTMTRS): buys and sells → trades (the security
 * named by its TICKER from SECLIST, else its CUSIP/UNIQUEID); REINVEST → a
 * dividend income plus a buy; INCOME → dividend or interest income;
 * INVEXPENSE → a fee transaction, or tax withheld (negative dividend income)
 * when its memo says so; INVBANKTRAN → cash transactions; INVPOSLIST →
 * positions; INVBAL → a balance only when the file states a total account
 * value. Bank and card statements (STMTRS, CCSTMTRS): STMTTRN → transactions,
 * LEDGERBAL → the balance.
 *
 * Each record's line is the physical line of its entry's opening tag; a
 * refused value names the tag as its column ("TRNAMT").
 */
import type { IncomeKind } from '../../db/schema';
import type { Money } from '../../money';
import type { FormatOptions, FormatOutput, ImportFormat } from '../types';
import { abs, entryCurrency, neg, OfxReader, type Statement } from './ofx-reader';
import { child, findAll, leaf, parseOfxTree, type OfxNode, type OfxTree } from './ofx-sgml';
import { plural } from '../words';

const SOURCE = 'Dividends and interest';
const STATEMENTS = ['INVSTMTRS', 'STMTRS', 'CCSTMTRS'];
const CONTAINERS = ['INVTRANLIST', 'BANKTRANLIST', 'INVPOSLIST', 'INVBAL', 'SECLIST', 'INVSTMTRS', 'STMTRS', 'CCSTMTRS'];
const BUYS = ['BUYMF', 'BUYSTOCK', 'BUYOTHER'];
const SELLS = ['SELLMF', 'SELLSTOCK', 'SELLOTHER'];
const POSITIONS = ['POSSTOCK', 'POSMF', 'POSOTHER'];
/** A BAL in INVBAL whose name says it is the whole account's value. */
const TOTAL_BALANCE = /account value|net liquidation|portfolio value|^total value$|^total assets$/i;
const TAX_MEMO = /w\/h|withh|foreign tax|tax withheld/i;

function incomeKind(type: string | undefined): IncomeKind {
  const t = (type ?? 'DIV').toUpperCase();
  if (t === 'INTEREST') return 'interest';
  if (t === 'MISC') return 'other';
  return 'dividend'; // DIV, CGLONG, CGSHORT
}

function describe(memo: string | undefined, name: string | undefined): string | undefined {
  return memo ?? name;
}

function readTrade(r: OfxReader, e: OfxNode, st: Statement, side: 'buy' | 'sell'): void {
  const inv = child(e, side === 'buy' ? 'INVBUY' : 'INVSELL');
  if (!inv) return void r.fail(e.line, side === 'buy' ? 'INVBUY' : 'INVSELL', `the <${e.name}> has no <${side === 'buy' ? 'INVBUY' : 'INVSELL'}> inside it`);
  const currency = entryCurrency([inv, e], st);
  const date = r.date(inv, 'INVTRAN/DTTRADE', e, 'trade');
  const symbol = r.symbol(inv, e, 'trade');
  const quantity = r.quantity(inv, 'UNITS', e, 'trade');
  const price = r.money(inv, 'UNITPRICE', currency, e, 'trade');
  const amount = r.optionalMoney(inv, 'TOTAL', currency, e, 'trade');
  let fees: Money | undefined;
  for (const tag of ['COMMISSION', 'FEES', 'TAXES', 'LOAD']) {
    const part = r.optionalMoney(inv, tag, currency, e, 'trade');
    if (part) fees = { minor: (fees?.minor ?? 0) + Math.abs(part.minor), currency };
  }
  if (!date || !symbol || !quantity || !price) return;
  const description = describe(leaf(inv, 'INVTRAN/MEMO'), r.securityName(inv));
  r.records.push({
    kind: 'trade', line: e.line, ...(st.account ? { account: st.account } : {}), date, side, symbol, quantity, price,
    ...(fees ? { fees } : {}), ...(amount ? { amount } : {}), ...(description ? { description } : {}),
  });
}

function readReinvest(r: OfxReader, e: OfxNode, st: Statement): void {
  const currency = entryCurrency([e], st);
  const date = r.date(e, 'INVTRAN/DTTRADE', e, 'reinvestment');
  const symbol = r.symbol(e, e, 'reinvestment');
  const total = r.money(e, 'TOTAL', currency, e, 'reinvestment');
  const quantity = r.quantity(e, 'UNITS', e, 'reinvestment');
  const price = r.money(e, 'UNITPRICE', currency, e, 'reinvestment');
  if (!date || !symbol || !total || !quantity || !price) return;
  const memo = describe(leaf(e, 'INVTRAN/MEMO'), r.securityName(e));
  const account = st.account ? { account: st.account } : {};
  // OFX writes REINVEST's TOTAL negative (the cash that bought the shares); some files write it positive: the sign is taken from the meaning.
  r.records.push({
    kind: 'income', line: e.line, ...account, date, amount: abs(total), incomeKind: incomeKind(leaf(e, 'INCOMETYPE')), source: SOURCE, symbol,
    description: `Reinvested${memo ? `: ${memo}` : ''}`,
  });
  r.records.push({ kind: 'trade', line: e.line, ...account, date, side: 'buy', symbol, quantity, price, amount: neg(abs(total)), description: `Reinvestment${memo ? `: ${memo}` : ''}` });
}

function readIncome(r: OfxReader, e: OfxNode, st: Statement): void {
  const currency = entryCurrency([e], st);
  const date = r.date(e, 'INVTRAN/DTTRADE', e, 'income');
  const amount = r.money(e, 'TOTAL', currency, e, 'income');
  const withheld = r.optionalMoney(e, 'WITHHOLDING', currency, e, 'income');
  if (!date || !amount) return;
  const id = leaf(e, 'SECID/UNIQUEID');
  const symbol = id ? r.symbol(e, e, 'income') : undefined;
  const description = describe(leaf(e, 'INVTRAN/MEMO'), r.securityName(e));
  const base = { line: e.line, ...(st.account ? { account: st.account } : {}), date, source: SOURCE, ...(symbol ? { symbol } : {}) };
  const kind = incomeKind(leaf(e, 'INCOMETYPE'));
  r.records.push({ kind: 'income', ...base, amount, incomeKind: kind, ...(description ? { description } : {}) });
  if (withheld && withheld.minor !== 0) {
    r.records.push({ kind: 'income', ...base, amount: neg(abs(withheld)), incomeKind: kind, description: `Tax withheld${description ? `: ${description}` : ''}` });
  }
}

/** INVEXPENSE (and MARGININTEREST): money out. A memo that says tax was withheld makes it negative dividend income. */
function readExpense(r: OfxReader, e: OfxNode, st: Statement): void {
  const currency = entryCurrency([e], st);
  const date = r.date(e, 'INVTRAN/DTTRADE', e, 'expense');
  const total = r.money(e, 'TOTAL', currency, e, 'expense');
  if (!date || !total) return;
  const memo = leaf(e, 'INVTRAN/MEMO');
  const account = st.account ? { account: st.account } : {};
  if (e.name === 'INVEXPENSE' && memo && TAX_MEMO.test(memo)) {
    const id = leaf(e, 'SECID/UNIQUEID');
    const symbol = id ? r.symbol(e, e, 'expense') : undefined;
    const kind: IncomeKind = /interest/i.test(memo) ? 'interest' : 'dividend';
    r.records.push({ kind: 'income', line: e.line, ...account, date, amount: neg(abs(total)), incomeKind: kind, source: SOURCE, ...(symbol ? { symbol } : {}), description: `Tax withheld: ${memo}` });
    return;
  }
  const what = e.name === 'MARGININTEREST' ? 'Margin interest' : 'Investment expense';
  r.records.push({ kind: 'transaction', line: e.line, ...account, date, amount: neg(abs(total)), description: memo ? `${what}: ${memo}` : what });
}

function readCashTransfer(r: OfxReader, e: OfxNode, st: Statement): void {
  const date = r.date(e, 'INVTRAN/DTTRADE', e, 'transfer');
  const amount = r.money(e, 'TOTAL', entryCurrency([e], st), e, 'transfer', false);
  if (!date || !amount) return;
  const memo = leaf(e, 'INVTRAN/MEMO');
  r.records.push({ kind: 'transaction', line: e.line, ...(st.account ? { account: st.account } : {}), date, amount, description: memo ? `Transfer: ${memo}` : 'Transfer' });
}

/** A bank-style STMTTRN (in a bank statement, or inside INVBANKTRAN): signed TRNAMT, DTPOSTED, NAME and MEMO. */
function readStmtTrn(r: OfxReader, trn: OfxNode, entry: OfxNode, st: Statement): void {
  const currency = entryCurrency([trn], st);
  const date = r.date(trn, 'DTPOSTED', entry, 'transaction');
  const amount = r.money(trn, 'TRNAMT', currency, entry, 'transaction', false);
  if (!date || !amount) return;
  const name = leaf(trn, 'NAME') ?? leaf(trn, 'PAYEE/NAME');
  const memo = leaf(trn, 'MEMO');
  const description = name && memo && memo !== name ? `${name} — ${memo}` : name ?? memo ?? leaf(trn, 'TRNTYPE') ?? '';
  r.records.push({ kind: 'transaction', line: entry.line, ...(st.account ? { account: st.account } : {}), date, amount, description });
}

function readPositions(r: OfxReader, list: OfxNode, st: Statement): void {
  for (const p of list.children) {
    if (!p.closed) continue;
    if (!POSITIONS.includes(p.name)) {
      r.unreadEntry(p.name);
      continue;
    }
    const pos = child(p, 'INVPOS');
    if (!pos) {
      r.fail(p.line, 'INVPOS', `the <${p.name}> has no <INVPOS> inside it`);
      continue;
    }
    const currency = entryCurrency([pos, p], st);
    const symbol = r.symbol(pos, p, 'position');
    const quantity = r.quantity(pos, 'UNITS', p, 'position');
    const price = r.optionalMoney(pos, 'UNITPRICE', currency, p, 'position');
    const marketValue = r.optionalMoney(pos, 'MKTVAL', currency, p, 'position');
    if (!symbol || !quantity) continue;
    const date = r.optionalDate(leaf(pos, 'DTPRICEASOF')) ?? st.asOf;
    const description = r.securityName(pos);
    r.records.push({
      kind: 'position', line: p.line, ...(st.account ? { account: st.account } : {}), ...(date ? { date } : {}), symbol, quantity,
      ...(price ? { price } : {}), ...(marketValue ? { marketValue } : {}), ...(description ? { description } : {}),
    });
  }
}

function readInvestment(r: OfxReader, stmt: OfxNode, st: Statement): void {
  for (const e of child(stmt, 'INVTRANLIST')?.children ?? []) {
    if (!e.closed || e.name === 'DTSTART' || e.name === 'DTEND') continue;
    if (BUYS.includes(e.name)) readTrade(r, e, st, 'buy');
    else if (SELLS.includes(e.name)) readTrade(r, e, st, 'sell');
    else if (e.name === 'REINVEST') readReinvest(r, e, st);
    else if (e.name === 'INCOME') readIncome(r, e, st);
    else if (e.name === 'INVEXPENSE' || e.name === 'MARGININTEREST') readExpense(r, e, st);
    else if (e.name === 'INVBANKTRAN') {
      const trn = child(e, 'STMTTRN');
      if (trn) readStmtTrn(r, trn, e, st);
      else r.fail(e.line, 'STMTTRN', 'the <INVBANKTRAN> has no <STMTTRN> inside it');
    } else if (e.name === 'TRANSFER') {
      // A transfer of shares moves no cash (a note); one that names no security but a TOTAL is a cash transfer.
      if (!leaf(e, 'SECID/UNIQUEID') && leaf(e, 'TOTAL')) readCashTransfer(r, e, st);
      else r.transfers.push(e.line);
    }
    else r.unreadEntry(e.name);
  }
  const positions = child(stmt, 'INVPOSLIST');
  if (positions) readPositions(r, positions, st);

  const bal = child(stmt, 'INVBAL');
  const total = bal?.closed
    ? child(bal, 'BALLIST')?.children.find((b) => b.name === 'BAL' && (TOTAL_BALANCE.test(leaf(b, 'NAME') ?? '') || TOTAL_BALANCE.test(leaf(b, 'DESC') ?? '')) && (leaf(b, 'BALTYPE') ?? 'DOLLAR').toUpperCase() === 'DOLLAR')
    : undefined;
  if (total) {
    const amount = r.money(total, 'VALUE', entryCurrency([total], st), total, 'balance');
    const date = r.optionalDate(leaf(total, 'DTASOF')) ?? st.asOf;
    if (amount) r.records.push({ kind: 'balance', line: total.line, ...(st.account ? { account: st.account } : {}), ...(date ? { date } : {}), amount });
  } else r.noTotal.push(st.account ?? 'without a number');
}

function readBank(r: OfxReader, stmt: OfxNode, st: Statement): void {
  for (const e of child(stmt, 'BANKTRANLIST')?.children ?? []) {
    if (!e.closed || e.name !== 'STMTTRN') continue;
    readStmtTrn(r, e, e, st);
  }
  const ledger = child(stmt, 'LEDGERBAL');
  if (ledger?.closed) {
    const amount = r.money(ledger, 'BALAMT', st.currency, ledger, 'balance');
    const date = r.optionalDate(leaf(ledger, 'DTASOF')) ?? st.asOf;
    if (amount) r.records.push({ kind: 'balance', line: ledger.line, ...(st.account ? { account: st.account } : {}), ...(date ? { date } : {}), amount });
  }
}

/** The error for a file cut off inside an aggregate, or a note when only the outer wrappers were left open. */
function cutOff(tree: OfxTree, r: OfxReader, notes: string[]): void {
  if (tree.unclosed.length === 0) return;
  const container = [...tree.unclosed].reverse().find((n) => CONTAINERS.includes(n.name));
  if (!container) {
    if (tree.unclosed.every((n) => n.name === 'OFX' || /MSGSRSV\d$|TRNRS$/.test(n.name))) {
      notes.push(`The file ends before its closing </${tree.unclosed[0]!.name}> tag; every entry in it was complete and was read.`);
      return;
    }
    const deepest = tree.unclosed[tree.unclosed.length - 1]!;
    r.fail(tree.lastLine, '', `the file ends inside <${deepest.name}> opened on line ${deepest.line}: it was cut off`);
    return;
  }
  const entry = tree.unclosed[tree.unclosed.indexOf(container) + 1];
  r.fail(
    tree.lastLine,
    '',
    `the file ends inside <${container.name}> opened on line ${container.line}: it was cut off` +
      (entry ? `, and the unfinished <${entry.name}> opened on line ${entry.line} was left out` : '') +
      '; the entries before it were read',
  );
}


/**
 * Reads an OFX/QFX text. The output also carries `institution`: the file's
 * <SONRS><FI><ORG> ("Vanguard", "E*TRADE"), else "OFX".
 */
export function parseOfx(text: string, options: FormatOptions = {}): FormatOutput & { institution: string } {
  const tree = parseOfxTree(text);
  if ('error' in tree) return { records: [], errors: [{ line: 0, column: '', reason: tree.error }], notes: [], institution: 'OFX' };
  const r = new OfxReader(tree.root);
  const notes: string[] = [];
  const institution = leaf(tree.root, 'SIGNONMSGSRSV1/SONRS/FI/ORG') ?? 'OFX';
  const statements = findAll(tree.root, STATEMENTS);
  if (statements.length === 0 && tree.unclosed.length === 0) {
    const message = leaf(tree.root, 'SIGNONMSGSRSV1/SONRS/STATUS/MESSAGE');
    r.fail(0, '', `the file holds no statement (<INVSTMTRS>, <STMTRS> or <CCSTMTRS>)${message ? `; the server said: "${message}"` : ''}`);
  }
  for (const stmt of statements) {
    const curdef = leaf(stmt, 'CURDEF')?.toUpperCase();
    const acct = child(stmt, 'INVACCTFROM') ?? child(stmt, 'BANKACCTFROM') ?? child(stmt, 'CCACCTFROM');
    const account = leaf(acct, 'ACCTID');
    const st: Statement = {
      currency: curdef && /^[A-Z]{3}$/.test(curdef) ? curdef : (options.currency ?? 'USD'),
      ...(account ? { account } : {}),
      ...(r.optionalDate(leaf(stmt, 'DTASOF')) ? { asOf: r.optionalDate(leaf(stmt, 'DTASOF')) } : {}),
    };
    if (stmt.name === 'INVSTMTRS') readInvestment(r, stmt, st);
    else readBank(r, stmt, st);
  }
  cutOff(tree, r, notes);

  if (r.transfers.length > 0) {
    notes.push(
      `${plural(r.transfers.length, 'security transfer', 'security transfers')} (<TRANSFER>, line${r.transfers.length === 1 ? '' : 's'} ${r.transfers.join(', ')}) moved shares without cash and ${r.transfers.length === 1 ? 'was' : 'were'} not imported as trades; the positions show the holdings that result.`,
    );
  }
  if (r.unread.size > 0) {
    const total = [...r.unread.values()].reduce((a, b) => a + b, 0);
    notes.push(`${plural(total, 'entry', 'entries')} of a kind Strata does not read ${total === 1 ? 'was' : 'were'} left out: ${[...r.unread].map(([name, n]) => `<${name}> (${n})`).join(', ')}.`);
  }
  for (const account of r.noTotal) {
    notes.push(`The investment statement for account ${account} states no total account value (an <INVBAL> balance such as "Total Account Value"), so no balance was recorded; its positions carry the holdings' value.`);
  }
  if (r.rounded > 0) notes.push(`${plural(r.rounded, 'figure', 'figures')} (per-share prices, mostly) had more decimals than the currency has and ${r.rounded === 1 ? 'was' : 'were'} rounded half to even.`);
  return { records: r.records, errors: r.errors, notes, institution };
}

/** How sure we are the text is OFX: 50 for an OFX header, 40 for a bare <OFX> element. */
export function detectOfx(text: string): number {
  const head = text.slice(0, 4096);
  if (/OFXHEADER\s*[:=]/i.test(head)) return 50;
  return /<OFX\s*>/i.test(text.slice(0, 65536)) ? 40 : 0;
}

export const ofx: ImportFormat = {
  id: 'ofx',
  label: 'OFX / QFX statement',
  group: 'brokerage',
  institution: 'OFX',
  detect: () => 0,
  parse: () => ({ records: [], errors: [{ line: 0, column: '', reason: 'an OFX or QFX statement is read from its text, not as a table' }], notes: [] }),
  text: { detect: detectOfx, parse: parseOfx },
};
