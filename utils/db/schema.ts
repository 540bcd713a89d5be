/**
 * The shape of every record Strata stores, as valibot schemas. These are the
 * single source of truth for the data model: the TypeScript types below are
 * inferred from them, and the write API (utils/db/write.ts) validates every
 * record against them before it touches IndexedDB.
 *
 * Conventions:
 * - ids are strings (crypto.randomUUID()), so exports and imports merge cleanly;
 * - times are epoch milliseconds (UTC);
 * - money is `{ minor, currency }`: an integer count of minor units and an
 *   ISO 4217 code (utils/money); never a float;
 * - exact non-money decimals (share quantities, exchange rates) are decimal
 *   strings such as "12.5" or "1.0850", never floats.
 */
import * as v from 'valibot';

export const LAYERS = ['foundation', 'leverage', 'acceleration', 'compounding'] as const;
export type Layer = (typeof LAYERS)[number];

export const ACCOUNT_KINDS = [
  'brokerage',
  'robo',
  'retirement',
  'hysa',
  'cash',
  'real-estate',
  'trading',
  'content',
  'business',
] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const TAX_TYPES = ['taxable', 'tax-deferred', 'tax-free', 'none'] as const;
export type TaxType = (typeof TAX_TYPES)[number];

export const SOURCES = ['manual', 'capture', 'import'] as const;
export type Source = (typeof SOURCES)[number];

export const INCOME_KINDS = [
  'dividend',
  'interest',
  'ad-revenue',
  'affiliate-commission',
  'sponsorship',
  'subscription-revenue',
  'product-sale',
  'trading-gain',
  'options-premium',
  'other',
] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];

export const CAPTURE_MEANINGS = [
  'balance',
  'cash',
  'earnings',
  'mrr',
  'realized',
  'count',
] as const;
export type CaptureMeaning = (typeof CAPTURE_MEANINGS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** What a metric snapshot measures: recurring revenue (money) or a count (subscribers). */
export const METRIC_KINDS = ['mrr', 'count'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

// ---------------------------------------------------------------- primitives

/** A record id: a non-empty string of at most 64 characters. */
export const Id = v.pipe(
  v.string('must be a text id'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(64, 'is longer than 64 characters'),
);

/** An ISO 4217 code: three capital letters. */
export const CurrencyCode = v.pipe(
  v.string('must be a currency code'),
  v.regex(/^[A-Z]{3}$/, 'must be a three-letter ISO 4217 code such as USD'),
);

/** Epoch milliseconds between 1900 and 2200. */
export const Timestamp = v.pipe(
  v.number('must be a time'),
  v.safeInteger('must be a whole number of milliseconds'),
  v.minValue(-2208988800000, 'is before 1900'),
  v.maxValue(7258118400000, 'is after 2200'),
);

export const MoneySchema = v.object({
  minor: v.pipe(
    v.number('must be a number of minor units'),
    v.safeInteger('must be a whole number of minor units (cents), not a fraction'),
  ),
  currency: CurrencyCode,
});

/** An exact decimal written as text, e.g. "12.5", "-0.25", "1.0850". */
export const DecimalString = v.pipe(
  v.string('must be a decimal number written as text'),
  v.regex(/^-?\d{1,15}(\.\d{1,12})?$/, 'must be a plain decimal number such as 12.5'),
);

/** A strictly positive exact decimal (an exchange rate). */
export const PositiveDecimalString = v.pipe(
  DecimalString,
  v.check((s) => !s.startsWith('-') && /[1-9]/.test(s), 'must be greater than zero'),
);

export const Name = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.trim(),
    v.minLength(1, `${what} is required`),
    v.maxLength(200, `${what} is longer than 200 characters`),
  );

/** A host name as in a URL: "digital.fidelity.com" (lower case, no scheme, no port). */
export const HostName = v.pipe(
  v.string('must be a host name'),
  v.maxLength(253, 'is longer than 253 characters'),
  v.regex(/^[a-z0-9.-]+$/, 'must be a host name such as example.com'),
);

/** A lower-case identifier: an adapter id ("fidelity"), a metric ("paid-subscriptions"), a site id ("taught:example.com"). */
export const Slug = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.maxLength(max, `is longer than ${max} characters`),
    v.regex(/^[a-z0-9][a-z0-9._:-]*$/, 'must be lower-case letters, digits, ".", "_", ":" or "-"'),
  );

export const OptionalNote = v.optional(
  v.pipe(v.string('must be text'), v.maxLength(2000, 'is longer than 2000 characters')),
);

/** Where a figure came from, so every number can explain itself. */
export const ProvenanceSchema = v.object({
  /** Human-readable: "Entered by hand", "Captured from digital.fidelity.com", "Imported from fidelity.csv row 12". */
  description: v.pipe(v.string(), v.maxLength(500, 'is longer than 500 characters')),
  url: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  /** The visible label the figure was found next to (capture). */
  label: v.optional(v.pipe(v.string(), v.maxLength(500))),
  /** The raw text that was parsed (capture/import). */
  rawText: v.optional(v.pipe(v.string(), v.maxLength(500))),
  importId: v.optional(Id),
  row: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  /** Capture: the site adapter's id ("fidelity"), or "taught" for a rule the person taught. */
  adapter: v.optional(Slug(100)),
  /** Capture: the adapter's version at the time. */
  adapterVersion: v.optional(v.pipe(v.number(), v.safeInteger(), v.minValue(0))),
  /** Capture: the page's host and path (never its query string), as the browser reported them. */
  host: v.optional(HostName),
  path: v.optional(v.pipe(v.string(), v.maxLength(1000))),
});

// ---------------------------------------------------------------- tables

export const AccountSchema = v.object({
  id: Id,
  institution: Name('Institution'),
  name: Name('Account name'),
  kind: v.picklist(ACCOUNT_KINDS, 'must be one of: ' + ACCOUNT_KINDS.join(', ')),
  layer: v.picklist(LAYERS, 'must be one of: ' + LAYERS.join(', ')),
  currency: CurrencyCode,
  taxType: v.picklist(TAX_TYPES, 'must be one of: ' + TAX_TYPES.join(', ')),
  createdAt: Timestamp,
  /** Set when the account is archived: kept with its history, hidden from lists. */
  archivedAt: v.optional(Timestamp),
  notes: OptionalNote,
});

export const BalanceSnapshotSchema = v.object({
  id: Id,
  accountId: Id,
  at: Timestamp,
  amount: MoneySchema,
  source: v.picklist(SOURCES, 'must be manual, capture or import'),
  provenance: ProvenanceSchema,
});

export const HoldingSchema = v.object({
  id: Id,
  accountId: Id,
  symbol: v.pipe(v.string(), v.trim(), v.minLength(1, 'Symbol is required'), v.maxLength(32)),
  name: v.optional(v.pipe(v.string(), v.maxLength(200))),
  quantity: DecimalString,
  marketValue: v.optional(MoneySchema),
  assetClass: v.optional(v.pipe(v.string(), v.maxLength(64))),
  asOf: Timestamp,
  source: v.picklist(SOURCES),
  provenance: ProvenanceSchema,
});

export const TaxLotSchema = v.object({
  id: Id,
  accountId: Id,
  symbol: v.pipe(v.string(), v.trim(), v.minLength(1, 'Symbol is required'), v.maxLength(32)),
  acquiredAt: Timestamp,
  quantity: DecimalString,
  costBasis: MoneySchema,
  soldAt: v.optional(Timestamp),
  proceeds: v.optional(MoneySchema),
  source: v.picklist(SOURCES),
  provenance: ProvenanceSchema,
});

export const StreamSchema = v.object({
  id: Id,
  name: Name('Stream name'),
  layer: v.picklist(LAYERS),
  accountId: v.optional(Id),
  startedAt: Timestamp,
  /** Hours a month the stream takes, as the person estimates it. */
  hoursPerMonth: v.pipe(v.number(), v.finite(), v.minValue(0, 'cannot be negative'), v.maxValue(744)),
  /** The monthly income at which the person considers the stream self-sustaining. */
  selfSustainingMonthly: v.optional(MoneySchema),
  /**
   * The capital in the stream, as the person states it. Absent: the linked
   * account's latest balance (utils/analytics/plan.ts), or none.
   */
  capital: v.optional(MoneySchema),
  /**
   * Which projection profile the stream follows (utils/analytics/assumptions.ts:
   * "content", "saas", "dividend-growth"...). Absent: its layer's default.
   */
  assumptionId: v.optional(Slug(64)),
  archivedAt: v.optional(Timestamp),
  notes: OptionalNote,
});

/**
 * The period earnings were reported for: local days from `start` (inclusive)
 * to `end` (exclusive), epoch ms, and the words the page used ("This month").
 */
export const IncomePeriodSchema = v.pipe(
  v.object({
    start: Timestamp,
    end: Timestamp,
    label: v.pipe(v.string(), v.maxLength(100, 'is longer than 100 characters')),
  }),
  v.check((p) => p.start < p.end, 'must end after it starts'),
);

/**
 * Which period an income event covers, as a key that is the same every time
 * the same period is captured: "2026-11" (a calendar month), "2026-11-24" (a
 * day), "rolling-30d:2026-11-24" (the 30 days up to that day), "2026" (a
 * year), "all-time". See utils/analytics/income.ts.
 */
export const PeriodKey = v.pipe(
  v.string('must be a period key'),
  v.minLength(1, 'must not be empty'),
  v.maxLength(64, 'is longer than 64 characters'),
  v.regex(/^[a-z0-9:-]+$/, 'must be a period key such as 2026-11'),
);

export const IncomeEventSchema = v.pipe(
  v.object({
    id: Id,
    streamId: Id,
    at: Timestamp,
    amount: MoneySchema,
    kind: v.picklist(INCOME_KINDS, 'must be one of: ' + INCOME_KINDS.join(', ')),
    source: v.picklist(SOURCES),
    provenance: ProvenanceSchema,
    /** Earnings for a period (captured "This month"); absent for a single payment. */
    period: v.optional(IncomePeriodSchema),
    periodKey: v.optional(PeriodKey),
  }),
  v.forward(
    v.check(
      (e) => (e.period === undefined) === (e.periodKey === undefined),
      'must be given together with period (both or neither)',
    ),
    ['periodKey'],
  ),
);

export const TransactionSchema = v.object({
  id: Id,
  accountId: v.optional(Id),
  at: Timestamp,
  /** Negative for money going out. */
  amount: MoneySchema,
  description: v.pipe(v.string(), v.maxLength(500)),
  merchant: v.optional(v.pipe(v.string(), v.maxLength(200))),
  category: v.optional(v.pipe(v.string(), v.maxLength(100))),
  source: v.picklist(SOURCES),
  provenance: ProvenanceSchema,
});

export const AllocationTargetSchema = v.object({
  id: Id,
  /** "us-stocks", "intl-stocks", "bonds", "cash", "real-estate", ... */
  assetClass: v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(64)),
  /** Target share in basis points (10000 = 100%). */
  targetBasisPoints: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(10000)),
  /** Drift (in basis points) that triggers an alert. */
  bandBasisPoints: v.pipe(v.number(), v.safeInteger(), v.minValue(0), v.maxValue(10000)),
});

export const CaptureRuleSchema = v.object({
  id: Id,
  host: v.pipe(v.string(), v.regex(/^[a-z0-9.-]+$/, 'must be a host name such as example.com')),
  pathPattern: v.pipe(v.string(), v.maxLength(500)),
  label: Name('Label'),
  /** A CSS path to the figure, tried when the label is not found ("" when there is none). */
  fallbackPath: v.pipe(v.string('must be text'), v.maxLength(1000, 'is longer than 1000 characters')),
  meaning: v.picklist(CAPTURE_MEANINGS),
  accountId: v.optional(Id),
  streamId: v.optional(Id),
  createdAt: Timestamp,
});

/**
 * A reading that is not a balance or income: MRR (money) or a count such as
 * paid subscribers. Belongs to an account, an income stream, or both.
 * `kind: 'mrr'` holds `amount`; `kind: 'count'` holds `count`; never both.
 */
export const MetricSnapshotSchema = v.pipe(
  v.object({
    id: Id,
    accountId: v.optional(Id),
    streamId: v.optional(Id),
    at: Timestamp,
    /** What is measured: "mrr", "paid-subscriptions", "gross-annualized-revenue". */
    metric: v.pipe(Slug(100), v.minLength(1, 'is required')),
    kind: v.picklist(METRIC_KINDS, 'must be mrr or count'),
    amount: v.optional(MoneySchema),
    count: v.optional(
      v.pipe(
        v.number('must be a number'),
        v.safeInteger('must be a whole number'),
        v.minValue(0, 'cannot be negative'),
      ),
    ),
    source: v.picklist(SOURCES, 'must be manual, capture or import'),
    provenance: ProvenanceSchema,
  }),
  v.forward(
    v.check(
      (m) => (m.kind === 'mrr' ? m.amount !== undefined && m.count === undefined : m.count !== undefined && m.amount === undefined),
      'does not match the value: an mrr snapshot holds an amount, a count snapshot holds a count, never both',
    ),
    ['kind'],
  ),
  v.forward(
    v.check((m) => m.accountId !== undefined || m.streamId !== undefined, 'is required (or streamId): a metric belongs to an account or an income stream'),
    ['accountId'],
  ),
);

/**
 * What the person chose for one figure of one site, remembered for the next
 * visit: the account or stream it goes to (neither: the person ignores it),
 * and whether to save it without asking ("Always save from this page").
 * One mapping per siteId + figureKey + accountName.
 */
export const CaptureMappingSchema = v.pipe(
  v.object({
    id: Id,
    /** The adapter's id, or "taught:<host>" for a page the person taught. */
    siteId: v.pipe(Slug(300), v.minLength(1, 'is required')),
    host: HostName,
    figureKey: v.pipe(v.string('must be text'), v.minLength(1, 'is required'), v.maxLength(200, 'is longer than 200 characters')),
    /** The account's name as the page shows it; "" for a figure of the whole page. */
    accountName: v.pipe(v.string('must be text'), v.maxLength(500, 'is longer than 500 characters')),
    accountId: v.optional(Id),
    streamId: v.optional(Id),
    always: v.boolean('must be true or false'),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  }),
  v.forward(
    v.check((m) => m.accountId === undefined || m.streamId === undefined, 'cannot be given with accountId: a figure goes to one place'),
    ['streamId'],
  ),
);

/** The app settings: one row in the settings table, key "app". */
export const AppSettingsSchema = v.object({
  key: v.literal('app'),
  baseCurrency: CurrencyCode,
  /**
   * Exchange rates the person sets: `rates.EUR = "1.08"` means 1 EUR = 1.08
   * units of the base currency. The base currency itself needs no entry.
   */
  rates: v.record(CurrencyCode, PositiveDecimalString),
  /** A BCP 47 locale for formatting, or "" for the browser's own. */
  locale: v.pipe(
    v.string(),
    v.check((s) => s === '' || isSupportedLocale(s), 'must be a locale such as en-US or de-DE'),
  ),
  theme: v.picklist(THEMES),
  /**
   * A captured balance that is more than this many times the account's last
   * one (or less than its 1/factor-th) is only saved after the person
   * confirms it. A decimal string, at least 1.5. Rows saved before this
   * setting existed read as the default.
   */
  captureJumpFactor: v.optional(
    v.pipe(
      DecimalString,
      v.check((s) => compareDecimal(s, 3n, 2n) >= 0, 'must be at least 1.5'),
      v.check((s) => compareDecimal(s, 1000n, 1n) <= 0, 'must be at most 1000'),
    ),
    '3',
  ),
});

/** Compares the plain decimal string `s` with num/den exactly: -1, 0 or 1 (NaN for anything else). */
function compareDecimal(s: string, num: bigint, den: bigint): number {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!match) return NaN;
  const fraction = match[3] ?? '';
  const left = BigInt(match[2]! + fraction) * (match[1] ? -1n : 1n) * den;
  const right = num * 10n ** BigInt(fraction.length);
  return left === right ? 0 : left > right ? 1 : -1;
}

function isSupportedLocale(tag: string): boolean {
  try {
    return Intl.NumberFormat.supportedLocalesOf([tag]).length > 0;
  } catch {
    return false;
  }
}

export const DEFAULT_SETTINGS: AppSettings = {
  key: 'app',
  baseCurrency: 'USD',
  rates: {},
  locale: '',
  theme: 'system',
  captureJumpFactor: '3',
};

export type Account = v.InferOutput<typeof AccountSchema>;
export type BalanceSnapshot = v.InferOutput<typeof BalanceSnapshotSchema>;
export type Holding = v.InferOutput<typeof HoldingSchema>;
export type TaxLot = v.InferOutput<typeof TaxLotSchema>;
export type Stream = v.InferOutput<typeof StreamSchema>;
export type IncomeEvent = v.InferOutput<typeof IncomeEventSchema>;
export type Transaction = v.InferOutput<typeof TransactionSchema>;
export type AllocationTarget = v.InferOutput<typeof AllocationTargetSchema>;
export type CaptureRule = v.InferOutput<typeof CaptureRuleSchema>;
export type MetricSnapshot = v.InferOutput<typeof MetricSnapshotSchema>;
export type CaptureMapping = v.InferOutput<typeof CaptureMappingSchema>;
export type IncomePeriod = v.InferOutput<typeof IncomePeriodSchema>;
export type AppSettings = v.InferOutput<typeof AppSettingsSchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
