/**
 * OFX / QFX: the tolerant tokenizer (SGML with unclosed leaf tags, XML 2.x)
 * and the statement reader, on hand-made files in tests/fixtures/imports
 * (figures worked out by hand in the comments), plus refusals: a file cut
 * off inside an aggregate, a transaction without a date or amount.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { toDecimalString } from '@/utils/money';
import type { ImportedRecord } from '@/utils/importers/types';
import { detectOfx, ofx, parseOfx } from '@/utils/importers/formats/ofx';
import { at, leaf, parseOfxTree, type OfxTree } from '@/utils/importers/formats/ofx-sgml';

const dir = path.resolve(__dirname, '../fixtures/imports');
const text = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
const m = (money?: { minor: number; currency: string }) => (money ? `${toDecimalString(money)}${money.currency === 'USD' ? '' : ` ${money.currency}`}` : '-');

function summary(r: ImportedRecord): string {
  const acct = r.account ? ` {${r.account}}` : '';
  switch (r.kind) {
    case 'trade':
      return `L${r.line} trade ${r.date} ${r.side} ${r.quantity} ${r.symbol} @ ${m(r.price)} fees ${m(r.fees)} = ${m(r.amount)}${acct}`;
    case 'income':
      return `L${r.line} income ${r.date} ${r.incomeKind} ${m(r.amount)} ${r.symbol ?? '-'} "${r.description ?? ''}"${acct}`;
    case 'transaction':
      return `L${r.line} transaction ${r.date} ${m(r.amount)} "${r.description}"${acct}`;
    case 'position':
      return `L${r.line} position ${r.date ?? '-'} ${r.quantity} ${r.symbol} @ ${m(r.price)} value ${m(r.marketValue)}${acct}`;
    case 'balance':
      return `L${r.line} balance ${r.date ?? '-'} ${m(r.amount)}${acct}`;
    case 'lot':
      return `L${r.line} lot ${r.symbol}`;
  }
}

function tree(source: string): OfxTree {
  const t = parseOfxTree(source);
  if ('error' in t) throw new Error(t.error);
  return t;
}

describe('the OFX tokenizer', () => {
  it('reads SGML leaves left unclosed, even when an aggregate closes on the same line', () => {
    const t = tree('OFXHEADER:100\nVERSION:102\n\n<OFX>\n<SONRS>\n<CODE>0\n<USERID>5555</SONRS>\n<NEXT>x\n</OFX>\n');
    expect(t.header).toMatchObject({ OFXHEADER: '100', VERSION: '102' });
    expect(leaf(t.root, 'SONRS/CODE')).toBe('0');
    expect(leaf(t.root, 'SONRS/USERID')).toBe('5555');
    // NEXT is a sibling of SONRS, not inside it
    expect(t.root.children.map((c) => `${c.name}@${c.line}`)).toEqual(['SONRS@5', 'NEXT@8']);
    expect(t.unclosed).toEqual([]);
  });

  it('reads XML with closed leaves, comments, entities and empty elements; header from <?OFX …?>', () => {
    const t = tree('<?xml version="1.0"?>\n<?OFX OFXHEADER="200" VERSION="220"?>\n<OFX><A><NAME>AT&amp;T &lt;X&gt; &#233;</NAME><!-- <B>no</B> --><MEMO></MEMO><E/></A></OFX>');
    expect(t.header).toEqual({ OFXHEADER: '200', VERSION: '220' });
    expect(leaf(t.root, 'A/NAME')).toBe('AT&T <X> é');
    expect(at(t.root, 'A')!.children.map((c) => `${c.name}=${c.value}`)).toEqual(['NAME=AT&T <X> é', 'MEMO=', 'E=']);
  });

  it('a file cut off leaves its open aggregates unclosed, outermost first', () => {
    const t = tree('<OFX>\n<LIST>\n<ITEM>\n<AMT>1.00\n');
    expect(t.unclosed.map((n) => `${n.name}@${n.line}`)).toEqual(['OFX@1', 'LIST@2', 'ITEM@3']);
    expect(t.lastLine).toBe(4);
  });

  it('text without <OFX> is refused', () => {
    expect(parseOfxTree('Date,Amount\n2024-01-01,5\n')).toEqual({ error: 'the file has no <OFX> element: it is not an OFX or QFX statement' });
  });
});

describe('OFX statements', () => {
  it('detects OFX text (SGML header, XML processing instruction, bare <OFX>) and nothing else', () => {
    expect(detectOfx(text('ofx-bank-sgml.ofx'))).toBe(50);
    expect(detectOfx(text('ofx-invest-v2.ofx'))).toBe(50);
    expect(detectOfx('<OFX><SIGNONMSGSRSV1></SIGNONMSGSRSV1></OFX>')).toBe(40);
    expect(detectOfx('Date,Description,Amount\n01/02/2024,Coffee,-3.50\n')).toBe(0);
    expect(ofx.detect([{ line: 1, cells: ['OFXHEADER:100'] }])).toBe(0);
    expect(ofx.text).toBeDefined();
    expect([ofx.id, ofx.group, ofx.institution]).toEqual(['ofx', 'brokerage', 'OFX']);
  });

  it('bank statement in SGML with unclosed tags: signed amounts, NAME and MEMO, the ledger balance', () => {
    const out = parseOfx(text('ofx-bank-sgml.ofx'));
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      'L43 transaction 2024-02-01 2500.00 "ACME CORP PAYROLL — Salary" {...1234}',
      'L51 transaction 2024-02-05 -54.23 "SMITH & SONS GROCERY" {...1234}',
      // no NAME: the MEMO describes it
      'L58 transaction 2024-02-15 -1200.00 "Rent February" {...1234}',
      // an opening 2500.00 + 2500.00 − 54.23 − 1200.00 = 3745.77
      'L67 balance 2024-02-29 3745.77 {...1234}',
    ]);
    expect(out.notes).toEqual([]);
    expect(out.institution).toBe('Example Credit Union');
  });

  it('investment statement in XML: cash, a sale, a reinvestment, income, an expense, a position and the stated total', () => {
    const out = parseOfx(text('ofx-invest-v2.ofx'));
    expect(out.errors).toEqual([]);
    const a = '{X1234-5678}';
    expect(out.records.map(summary)).toEqual([
      `L23 transaction 2024-03-01 1000.00 "ACH DEPOSIT" ${a}`,
      // 4 × 250.125 = 1000.50 − (0.65 + 0.02) = 999.83; 250.125 → 250.12 (half to even: 25012.5 → 25012); CUSIP 922908769 → VTI
      `L33 trade 2024-03-11 sell 4 VTI @ 250.12 fees 0.67 = 999.83 ${a}`,
      // REINVEST TOTAL −9.14: a 9.14 dividend and a buy of 0.036 × 253.8889 = 9.14
      `L47 income 2024-03-27 dividend 9.14 VTI "Reinvested: DIVIDEND REINVESTMENT" ${a}`,
      `L47 trade 2024-03-27 buy 0.036 VTI @ 253.89 fees - = -9.14 ${a}`,
      // no TICKER in SECLIST for the note: its CUSIP
      `L56 income 2024-03-15 interest 12.50 912828ZZ9 "TREASURY NOTE INTEREST" ${a}`,
      `L64 income 2024-03-20 dividend 5.50 BND "LONG TERM CAP GAIN" ${a}`,
      `L72 transaction 2024-03-22 -0.30 "Investment expense: ADR FEE" ${a}`,
      // 6.036 × 255.00 = 1539.18
      `L90 position 2024-03-28 6.036 VTI @ 255.00 value 1539.18 ${a}`,
      // cash 1000 + 999.83 + 12.50 + 5.50 − 0.30 = 2017.53; + 1539.18 = 3556.71
      `L107 balance 2024-03-28 3556.71 ${a}`,
    ]);
    expect(out.notes).toEqual([
      '1 entry of a kind Strata does not read was left out: <SPLIT> (1).',
      '2 figures (per-share prices, mostly) had more decimals than the currency has and were rounded half to even.',
    ]);
    expect(out.institution).toBe('Example Brokerage');
  });

  it('credit card statement: currency from CURDEF, a comma decimal, escaped text; no <FI> → institution "OFX"', () => {
    const out = parseOfx(text('ofx-creditcard-v2.qfx'));
    expect(out.errors).toEqual([]);
    expect(out.records.map(summary)).toEqual([
      'L14 transaction 2024-01-10 -19.99 EUR "STREAMING SERVICE — Monthly plan" {…9876}',
      'L17 transaction 2024-01-25 45.00 EUR "PAYMENT THANK YOU" {…9876}',
      // "-150,41" is −150.41
      'L21 transaction 2024-01-28 -150.41 EUR "HOTEL <CITY>" {…9876}',
      // −19.99 + 45.00 − 150.41 = −125.40
      'L25 balance 2024-01-31 -125.40 EUR {…9876}',
    ]);
    expect(out.institution).toBe('OFX');
  });

  it('refuses a transaction without a date or an amount by the tag, and an amount more precise than the currency', () => {
    const source = text('ofx-bank-sgml.ofx')
      .replace('<DTPOSTED>20240205\n', '')
      .replace('<TRNAMT>-1200.00', '<TRNAMT>-1200.005')
      .replace('<TRNAMT>2500.00\n', '');
    const out = parseOfx(source);
    expect(out.errors).toEqual([
      { line: 43, column: 'TRNAMT', reason: 'the transaction has no amount (<TRNAMT>)' },
      { line: 50, column: 'DTPOSTED', reason: 'the transaction has no date (<DTPOSTED>)' },
      // the line of the TRNAMT tag itself: line 61 of the fixture, two lines removed above it
      { line: 59, column: 'TRNAMT', reason: '"-1200.005" has more decimals than USD has' },
    ]);
    expect(out.records.map(summary)).toEqual(['L65 balance 2024-02-29 3745.77 {...1234}']);
  });

  it('refuses text as an amount on the line of its tag', () => {
    const out = parseOfx(text('ofx-bank-sgml.ofx').replace('<TRNAMT>-54.23', '<TRNAMT>-54.2x'));
    expect(out.errors).toEqual([{ line: 54, column: 'TRNAMT', reason: '"-54.2x" is not an amount' }]);
    expect(out.records).toHaveLength(3);
  });

  it('a file cut off inside the transaction list: the complete entries are read, the unfinished one is named', () => {
    // Keep lines 1–55: the file ends inside the second <STMTTRN> (line 51) of <BANKTRANLIST> (line 40).
    const cut = text('ofx-bank-sgml.ofx').split('\n').slice(0, 55).join('\n');
    const out = parseOfx(cut);
    expect(out.errors).toEqual([
      { line: 55, column: '', reason: 'the file ends inside <BANKTRANLIST> opened on line 40: it was cut off, and the unfinished <STMTTRN> opened on line 51 was left out; the entries before it were read' },
    ]);
    expect(out.records.map(summary)).toEqual(['L43 transaction 2024-02-01 2500.00 "ACME CORP PAYROLL — Salary" {...1234}']);
  });

  it('a file missing only its closing </OFX> is read whole, with a note', () => {
    const out = parseOfx(text('ofx-creditcard-v2.qfx').replace('</OFX>', ''));
    expect(out.errors).toEqual([]);
    expect(out.records).toHaveLength(4);
    expect(out.notes).toEqual(['The file ends before its closing </OFX> tag; every entry in it was complete and was read.']);
  });

  it('an investment statement with no stated total gives no balance, and says so; security transfers are a note, a cash transfer a transaction', () => {
    const source = `OFXHEADER:100\nDATA:OFXSGML\nVERSION:102\n\n<OFX>\n<INVSTMTMSGSRSV1><INVSTMTTRNRS><INVSTMTRS>\n<DTASOF>20240102\n<CURDEF>USD\n<INVACCTFROM><BROKERID>b.com<ACCTID>777</INVACCTFROM>\n<INVTRANLIST>\n<TRANSFER><INVTRAN><FITID>1<DTTRADE>20240102</INVTRAN><SECID><UNIQUEID>922908769<UNIQUEIDTYPE>CUSIP</SECID><SUBACCTSEC>CASH<UNITS>5<TFERACTION>IN<POSTYPE>LONG</TRANSFER>\n<TRANSFER><INVTRAN><FITID>2<DTTRADE>20240102<MEMO>JOURNAL FROM 778</INVTRAN><SUBACCTSEC>CASH<TOTAL>250.00<TFERACTION>IN</TRANSFER>\n</INVTRANLIST>\n<INVBAL><AVAILCASH>10.00<MARGINBALANCE>0<SHORTBALANCE>0</INVBAL>\n</INVSTMTRS></INVSTMTTRNRS></INVSTMTMSGSRSV1>\n</OFX>\n`;
    const out = parseOfx(source);
    expect(out.errors).toEqual([]);
    // the transfer that names no security but a TOTAL is cash
    expect(out.records.map(summary)).toEqual(['L12 transaction 2024-01-02 250.00 "Transfer: JOURNAL FROM 778" {777}']);
    expect(out.notes).toEqual([
      '1 security transfer (<TRANSFER>, line 11) moved shares without cash and was not imported as trades; the positions show the holdings that result.',
      'The investment statement for account 777 states no total account value (an <INVBAL> balance such as "Total Account Value"), so no balance was recorded; its positions carry the holdings\' value.',
    ]);
  });

  it('a file that is not OFX, or holds no statement, is refused as a whole', () => {
    expect(parseOfx('hello').errors).toEqual([{ line: 0, column: '', reason: 'the file has no <OFX> element: it is not an OFX or QFX statement' }]);
    const signonOnly = '<OFX><SIGNONMSGSRSV1><SONRS><STATUS><CODE>15500<SEVERITY>ERROR<MESSAGE>Invalid user</STATUS></SONRS></SIGNONMSGSRSV1></OFX>';
    expect(parseOfx(signonOnly).errors).toEqual([
      { line: 0, column: '', reason: 'the file holds no statement (<INVSTMTRS>, <STMTRS> or <CCSTMTRS>); the server said: "Invalid user"' },
    ]);
  });
});
