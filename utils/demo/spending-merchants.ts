/**
 * The demo household's merchants, written the way a US bank or card
 * statement prints them ("SQ *BLUE BOTTLE COFFEE OAKLAND CA", "NETFLIX.COM
 * 866-579-7172 CA"), with the card issuer's category and the category the
 * person gave the first charge of each merchant in Strata (the classifier
 * learns the rest from those).
 *
 * Reference codes that change from charge to charge (Amazon's order codes,
 * airline ticket numbers, 1Password's invoice) are drawn from the spending
 * part's Random; everything else is fixed text.
 *
 * Categories never name a kind of service the leak detector compares
 * (music, streaming, cloud storage, news): only the built-in merchant list
 * decides those, so the duplicates found are exactly the ones planted.
 */
import type { Random } from '@/utils/analytics/random';

/** The card issuer's categories (kept as provenance, as an import does) and the person's own labels. */
export interface MerchantCategory {
  bank: string;
  person: string;
}

export const GROCERIES: MerchantCategory = { bank: 'Groceries', person: 'Groceries' };
export const FOOD: MerchantCategory = { bank: 'Food & Drink', person: 'Eating out' };
export const GAS: MerchantCategory = { bank: 'Gas', person: 'Car' };
export const SHOPPING: MerchantCategory = { bank: 'Shopping', person: 'Shopping' };
export const HEALTH: MerchantCategory = { bank: 'Health & Wellness', person: 'Health' };
export const PERSONAL: MerchantCategory = { bank: 'Personal', person: 'Personal care' };
export const FUN: MerchantCategory = { bank: 'Entertainment', person: 'Going out' };
export const TRAVEL: MerchantCategory = { bank: 'Travel', person: 'Travel' };
export const SUBSCRIPTION: MerchantCategory = { bank: 'Entertainment', person: 'Subscriptions' };
export const SOFTWARE: MerchantCategory = { bank: 'Shopping', person: 'Subscriptions' };
export const BILLS: MerchantCategory = { bank: 'Bills & Utilities', person: 'Bills' };
export const GYM: MerchantCategory = { bank: 'Health & Wellness', person: 'Subscriptions' };
export const INSURANCE: MerchantCategory = { bank: 'Automotive', person: 'Car' };

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A reference code such as "2K4XY7": letters and digits, digits in two places at least. */
export function referenceCode(random: Random, length = 6): string {
  let code = '';
  for (let i = 0; i < length; i++) {
    const digit = i % 2 === 0 || random.uniform() < 0.3;
    code += digit ? String(Math.floor(random.uniform() * 10)) : LETTERS[Math.floor(random.uniform() * LETTERS.length)]!;
  }
  return code;
}

/** `count` digits drawn at random (ticket numbers and the like). */
export function digits(random: Random, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(random.uniform() * 10));
  return out;
}

/** A merchant visited now and then: its statement line and what one visit costs (cents, inclusive). */
export interface Shop {
  line: (random: Random) => string;
  category: MerchantCategory;
  lowMinor: number;
  highMinor: number;
}

const fixed = (text: string) => () => text;

/** Visits a month by kind: [shop, visits a month on average]. Discretionary kinds shrink or grow with the checking balance. */
export const ESSENTIAL_SHOPS: readonly (readonly [Shop, number])[] = [
  [{ line: fixed('TRADER JOE S #236 OAKLAND CA'), category: GROCERIES, lowMinor: 4_500, highMinor: 12_000 }, 4],
  [{ line: fixed('SAFEWAY #1507 OAKLAND CA'), category: GROCERIES, lowMinor: 2_500, highMinor: 9_000 }, 3],
  [{ line: fixed('COSTCO WHSE #0144 RICHMOND CA'), category: GROCERIES, lowMinor: 15_000, highMinor: 32_000 }, 1],
  [{ line: fixed('BERKELEY BOWL WEST BERKELEY CA'), category: GROCERIES, lowMinor: 2_000, highMinor: 6_000 }, 2],
  [{ line: fixed('WHOLEFDS OAK #10245 OAKLAND CA'), category: GROCERIES, lowMinor: 3_000, highMinor: 11_000 }, 1],
  [{ line: fixed('SHELL OIL 57444123400 OAKLAND CA'), category: GAS, lowMinor: 4_200, highMinor: 6_800 }, 1.5],
  [{ line: fixed('CHEVRON 0203145 EMERYVILLE CA'), category: GAS, lowMinor: 4_200, highMinor: 6_800 }, 1],
  [{ line: fixed('ARCO #82345 OAKLAND CA'), category: GAS, lowMinor: 3_800, highMinor: 6_000 }, 0.5],
  [{ line: fixed('CVS/PHARMACY #09876 OAKLAND CA'), category: HEALTH, lowMinor: 1_200, highMinor: 4_500 }, 1.3],
  [{ line: fixed('ROCKRIDGE DENTAL GROUP OAKLAND CA'), category: HEALTH, lowMinor: 8_000, highMinor: 16_000 }, 0.33],
];

export const DISCRETIONARY_SHOPS: readonly (readonly [Shop, number])[] = [
  [{ line: fixed('SQ *BLUE BOTTLE COFFEE OAKLAND CA'), category: FOOD, lowMinor: 475, highMinor: 950 }, 4],
  [{ line: fixed('STARBUCKS STORE 10234 OAKLAND CA'), category: FOOD, lowMinor: 450, highMinor: 1_100 }, 2],
  [{ line: fixed('TST* BOICHIK BAGELS BERKELEY CA'), category: FOOD, lowMinor: 900, highMinor: 2_200 }, 1.5],
  [{ line: fixed('CHIPOTLE 2213 OAKLAND CA'), category: FOOD, lowMinor: 1_100, highMinor: 3_200 }, 1.5],
  [{ line: fixed('TST* HOMEROOM OAKLAND CA'), category: FOOD, lowMinor: 3_800, highMinor: 8_500 }, 1.2],
  [{ line: fixed('TST* BURMA SUPERSTAR OAKLAND CA'), category: FOOD, lowMinor: 4_500, highMinor: 9_500 }, 1.2],
  [{ line: fixed('COMMIS OAKLAND CA'), category: FOOD, lowMinor: 18_000, highMinor: 32_000 }, 0.25],
  [{ line: fixed('DOORDASH*ZACHARYS PIZZA SAN FRANCISCO CA'), category: FOOD, lowMinor: 3_200, highMinor: 6_500 }, 2],
  [{ line: (r) => `AMAZON MKTPL*${referenceCode(r)} AMZN.COM/BILL WA`, category: SHOPPING, lowMinor: 1_200, highMinor: 8_500 }, 3],
  [{ line: fixed('TARGET 00012345 EMERYVILLE CA'), category: SHOPPING, lowMinor: 2_500, highMinor: 11_000 }, 1.5],
  [{ line: fixed('REI #81 BERKELEY CA'), category: SHOPPING, lowMinor: 4_000, highMinor: 22_000 }, 0.15],
  [{ line: fixed('IKEA EMERYVILLE CA'), category: SHOPPING, lowMinor: 6_000, highMinor: 25_000 }, 0.1],
  [{ line: fixed('THE HOME DEPOT #0641 EMERYVILLE CA'), category: SHOPPING, lowMinor: 2_500, highMinor: 15_000 }, 0.2],
  [{ line: fixed('SQ *ROCKRIDGE BARBER OAKLAND CA'), category: PERSONAL, lowMinor: 3_500, highMinor: 6_000 }, 1],
  [{ line: fixed('GREAT CLIPS #8743 OAKLAND CA'), category: PERSONAL, lowMinor: 2_400, highMinor: 4_000 }, 0.5],
  [{ line: fixed('SQ *LAKESHORE FLOWERS OAKLAND CA'), category: PERSONAL, lowMinor: 2_500, highMinor: 8_000 }, 0.6],
  [{ line: fixed('AMC BAY STREET 16 #2031 EMERYVILLE CA'), category: FUN, lowMinor: 2_800, highMinor: 6_000 }, 0.6],
  [{ line: fixed('TICKETMASTER 800-653-8000 CA'), category: FUN, lowMinor: 6_000, highMinor: 18_000 }, 0.25],
  [{ line: fixed('UBER *TRIP HELP.UBER.COM CA'), category: TRAVEL, lowMinor: 1_400, highMinor: 3_800 }, 1.2],
  [{ line: fixed('LYFT *RIDE SAN FRANCISCO CA'), category: TRAVEL, lowMinor: 1_300, highMinor: 3_500 }, 0.6],
];

/** A trip: a flight and a stay, a few times a year (the chance a month, then both lines). */
export const TRIP_CHANCE = 0.17;
export const TRIP_SHOPS: readonly Shop[] = [
  { line: (r) => `UNITED ${digits(r, 13)} 800-932-2732 TX`, category: TRAVEL, lowMinor: 28_000, highMinor: 64_000 },
  { line: (r) => `AIRBNB * HM${referenceCode(r, 8)} AIRBNB.COM CA`, category: TRAVEL, lowMinor: 35_000, highMinor: 90_000 },
];

/**
 * The subscriptions and bills on the card: statement line, cents, the day of
 * the month, and which months (by index; `last` = today's month) they run.
 */
export interface Subscription {
  line: (random: Random) => string;
  category: MerchantCategory;
  dayOfMonth: number;
  /** The charge in month `index` (undefined: no charge that month). */
  amountIn: (index: number, last: number) => number | undefined;
}

const monthly = (minor: number, from = 0, until = Infinity) => (index: number) => (index >= from && index <= until ? minor : undefined);

export const SUBSCRIPTIONS: readonly Subscription[] = [
  // The price rise: Netflix Standard from $15.49 to $17.99, nine months before today's month.
  { line: fixed('NETFLIX.COM 866-579-7172 CA'), category: SUBSCRIPTION, dayOfMonth: 7, amountIn: (i, last) => (i < last - 9 ? 1_549 : 1_799) },
  // Two music services at once: Spotify all along, YouTube Premium from month 14.
  { line: fixed('SPOTIFY USA 877-778-1161 NY'), category: SUBSCRIPTION, dayOfMonth: 12, amountIn: monthly(1_199) },
  { line: fixed('GOOGLE *YOUTUBEPREMIUM G.CO/HELPPAY#CA'), category: SUBSCRIPTION, dayOfMonth: 21, amountIn: monthly(1_399, 14) },
  // The forgotten gym.
  { line: fixed('PLANET FITNESS #1187 OAKLAND CA'), category: GYM, dayOfMonth: 17, amountIn: monthly(2_499) },
  // The yearly software renewal: 1Password Families, four months before today's month every year.
  {
    line: (r) => `1PASSWORD* ${referenceCode(r)} TORONTO ON`,
    category: SOFTWARE,
    dayOfMonth: 9,
    amountIn: (i, last) => ((last - i) % 12 === 4 ? 5_988 : undefined),
  },
  // Stopped a year ago: Hulu's last charge thirteen months before today's month.
  { line: fixed('HULU 877-8244858 CA'), category: SUBSCRIPTION, dayOfMonth: 25, amountIn: (i, last) => (i <= last - 13 ? 799 : undefined) },
  { line: fixed('OPENAI *CHATGPT SUBSCR OPENAI.COM CA'), category: SOFTWARE, dayOfMonth: 3, amountIn: monthly(2_000, 10) },
  { line: fixed('APPLE.COM/BILL 866-712-7753 CA'), category: SOFTWARE, dayOfMonth: 28, amountIn: monthly(299) },
  { line: fixed('COMCAST XFINITY 800-266-2278 CA'), category: BILLS, dayOfMonth: 14, amountIn: monthly(8_000) },
  { line: fixed('T-MOBILE*AUTO PAY 800-937-8997 WA'), category: BILLS, dayOfMonth: 22, amountIn: monthly(14_000) },
];

/** The checking account's statement lines (no bank category: the bank gives none for these). */
export const CHECKING_LINES = {
  payA: 'BRIGHTLINE SOFTWARE PAYROLL PPD ID: 1943512270',
  payB: 'ALAMEDA HEALTH SYS DIR DEP PPD ID: 9460021155',
  rent: 'MAPLEWOOD PROPERTY MGMT RENT PPD ID: 2770198340',
  carLoan: 'TOYOTA FINANCIAL SVCS PAYMENT PPD ID: 9200117724',
  studentLoan: 'DEPT EDUCATION STUDENT LN PPD ID: 9102000002',
  hysa: 'ONLINE TRANSFER TO ALLY BANK SAVINGS XXXXXX4821',
  roth: 'FID BKG SVC LLC MONEYLINE PPD ID: 1035141383',
  brokerage: 'VANGUARD BUY INVESTMENT PPD ID: 7300000001',
  utility: 'PGANDE WEB ONLINE PPD ID: 9491117779',
  cardPayment: 'CHASE CREDIT CRD AUTOPAY PPD ID: 4760039224',
} as const;

export const CARD_LINES = {
  payment: 'AUTOMATIC PAYMENT - THANK YOU',
  carInsurance: 'GEICO *AUTO 800-841-3000 DC',
} as const;

/** PG&E's bill by calendar month (gas heating in winter), as a share of its average. */
export const UTILITY_SEASON = [1.35, 1.3, 1.1, 0.9, 0.8, 0.75, 0.78, 0.8, 0.82, 0.95, 1.15, 1.3] as const;
export const UTILITY_AVERAGE_MINOR = 14_000;
