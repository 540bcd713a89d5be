/**
 * A seeded three-year card and bank history as a CSV export
 * ("Date,Description,Amount", dates MM/DD/YYYY): about 60 monthly and
 * yearly subscriptions (some with a price rise, one on two cards), weekly
 * charges, and one-off purchases at ~150 merchants, written the way banks
 * do ("SQ *BLUE BOTTLE #0421 OAKLAND CA", "NETFLIX.COM 866-579-7172 CA").
 */
import { randomInt, seededRandom } from './random';

const SUBSCRIPTIONS: [string, number, 'monthly' | 'yearly'][] = [
  ['NETFLIX.COM 866-579-7172 CA', 1549, 'monthly'],
  ['SPOTIFY USA 877-778-1161 NY', 1099, 'monthly'],
  ['HULU 877-8244858 CA', 799, 'monthly'],
  ['APPLE.COM/BILL 866-712-7753 CA', 299, 'monthly'],
  ['DROPBOX*2K4XY7 DROPBOX.COM CA', 1199, 'monthly'],
  ['ADOBE *CREATIVE CLOUD 408-536-6000 CA', 5499, 'monthly'],
  ['PLANET FITNESS #0421 CLUB FEES', 2499, 'monthly'],
  ['NYTIMES*NYTIMES.COM 800-698-4637 NY', 1700, 'monthly'],
  ['GOOGLE *GOOGLE ONE G.CO/HELPPAY#', 299, 'monthly'],
  ['AMAZON PRIME*2K4XY7 AMZN.COM/BILL WA', 13900, 'yearly'],
  ['NAMECHEAP.COM* 3K9ZQ2 PHOENIX AZ', 1598, 'yearly'],
  ['1PASSWORD* 8H2KD9 TORONTO ON', 3588, 'yearly'],
];

const SHOPS = Array.from({ length: 150 }, (_, i) => {
  const names = ['SQ *BLUE BOTTLE', 'TST* CORNER DELI', 'TARGET', 'SAFEWAY', 'SHELL OIL', 'CHEVRON', 'WHOLEFDS', 'CVS/PHARMACY', 'UBER *TRIP', 'LYFT *RIDE'];
  return `${names[i % names.length]} #${String(1000 + i * 7).padStart(4, '0')} ${['OAKLAND CA', 'SAN JOSE CA', 'PALO ALTO CA', 'BERKELEY CA'][i % 4]}`;
});

function usDate(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getUTCMonth() + 1).padStart(2, '0')}/${String(d.getUTCDate()).padStart(2, '0')}/${d.getUTCFullYear()}`;
}

function amount(minor: number): string {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `rows` transactions (header excluded), newest last. */
export function generateTransactionsCsv(rows: number, seed = 7): string {
  const random = seededRandom(seed);
  const start = Date.UTC(2023, 10, 1);
  const lines: [number, string][] = [];
  for (let month = 0; month <= 36; month++) {
    for (const [i, [name, minor, period]] of SUBSCRIPTIONS.entries()) {
      if (period === 'yearly' && month % 12 !== i % 12) continue;
      const price = i === 0 && month >= 26 ? 1799 : minor; // Netflix's price rise
      const at = Date.UTC(2023, 10 + month, 3 + i);
      lines.push([at, `${usDate(at)},"${name}",${amount(-price)}`]);
      if (i === 1) lines.push([at + 3_600_000, `${usDate(at)},"SPOTIFY P0A1B2C3 STOCKHOLM",${amount(-price)}`]);
    }
  }
  while (lines.length < rows) {
    const at = start + randomInt(random, 0, 3 * 365) * 86_400_000;
    const shop = SHOPS[randomInt(random, 0, SHOPS.length - 1)]!;
    const minor = randomInt(random, 150, 25_000);
    lines.push([at, random() < 0.03 ? `${usDate(at)},"PAYROLL DIRECT DEP ACME CORP",${amount(minor * 40)}` : `${usDate(at)},"${shop}",${amount(-minor)}`]);
  }
  lines.length = rows;
  lines.sort((a, b) => a[0] - b[0]);
  return `Date,Description,Amount\n${lines.map((l) => l[1]).join('\n')}\n`;
}
