/**
 * Which asset class a symbol belongs to, which symbols are substantially
 * identical (the same fund in another share class), and which funds can
 * replace one another after a harvest (similar exposure, a different index).
 *
 * The built-in map covers common ETFs and index mutual funds; the person's
 * overrides (`Portfolio.classes`, `Portfolio.identical`) win.
 */

export const ASSET_CLASSES = [
  'us-total-market',
  'us-sp500',
  'intl-developed',
  'emerging',
  'us-bonds',
  'intl-bonds',
  'reits',
  'tips',
  'cash',
] as const;
export type BuiltInAssetClass = (typeof ASSET_CLASSES)[number];

export const ASSET_CLASS_LABELS: Record<BuiltInAssetClass, string> = {
  'us-total-market': 'US total market',
  'us-sp500': 'S&P 500',
  'intl-developed': 'International developed',
  emerging: 'Emerging markets',
  'us-bonds': 'US bonds',
  'intl-bonds': 'International bonds',
  reits: 'REITs',
  tips: 'TIPS',
  cash: 'Cash',
};

/** A class for symbols that are in no map: named, so nothing is silently counted as something else. */
export const UNCLASSIFIED = 'unclassified';
/** Uninvested cash in an account. */
export const CASH_CLASS: BuiltInAssetClass = 'cash';

/**
 * Funds by class. Each inner list is one fund in its share classes (ETF,
 * admiral, investor…): substantially identical to one another. Lists in the
 * same class track different indexes and are the replacement pairs.
 */
const FUNDS: Record<BuiltInAssetClass, string[][]> = {
  'us-total-market': [
    ['VTI', 'VTSAX', 'VTSMX', 'VITSX'], // Vanguard Total Stock Market (CRSP US Total Market)
    ['ITOT'], // iShares Core S&P Total US Stock Market
    ['SCHB'], // Schwab US Broad Market (Dow Jones US Broad Stock Market)
    ['FSKAX'], // Fidelity Total Market Index (Dow Jones US Total Stock Market)
    ['SWTSX'], // Schwab Total Stock Market Index
    ['FZROX'], // Fidelity ZERO Total Market
  ],
  'us-sp500': [
    ['VOO', 'VFIAX', 'VFINX'], // Vanguard 500 Index
    ['IVV'], // iShares Core S&P 500
    ['SPY'], // SPDR S&P 500
    ['SPLG'], // SPDR Portfolio S&P 500
    ['FXAIX'], // Fidelity 500 Index
    ['SWPPX'], // Schwab S&P 500 Index
    ['VV', 'VLCAX'], // Vanguard Large-Cap (CRSP US Large Cap)
    ['SCHX'], // Schwab US Large-Cap (Dow Jones US Large-Cap)
  ],
  'intl-developed': [
    ['VEA', 'VTMGX', 'VDVIX'], // Vanguard Developed Markets (FTSE Developed All Cap ex US)
    ['IEFA'], // iShares Core MSCI EAFE
    ['SCHF'], // Schwab International Equity
    ['EFA'], // iShares MSCI EAFE
    ['SWISX'], // Schwab International Index
    ['FTIHX', 'FSPSX'], // Fidelity international index funds
    ['VXUS', 'VTIAX', 'VGTSX'], // Vanguard Total International Stock
    ['IXUS'], // iShares Core MSCI Total International Stock
  ],
  emerging: [
    ['VWO', 'VEMAX', 'VEIEX'], // Vanguard Emerging Markets (FTSE)
    ['IEMG'], // iShares Core MSCI Emerging Markets
    ['SCHE'], // Schwab Emerging Markets Equity
    ['EEM'], // iShares MSCI Emerging Markets
    ['FPADX'], // Fidelity Emerging Markets Index
  ],
  'us-bonds': [
    ['BND', 'VBTLX', 'VBMFX'], // Vanguard Total Bond Market (Bloomberg US Agg Float Adjusted)
    ['AGG'], // iShares Core US Aggregate Bond
    ['SCHZ'], // Schwab US Aggregate Bond
    ['FXNAX'], // Fidelity US Bond Index
    ['SWAGX'], // Schwab US Aggregate Bond Index
  ],
  'intl-bonds': [
    ['BNDX', 'VTABX'], // Vanguard Total International Bond
    ['IAGG'], // iShares Core International Aggregate Bond
    ['BWX'], // SPDR Bloomberg International Treasury Bond
  ],
  reits: [
    ['VNQ', 'VGSLX', 'VGSIX'], // Vanguard Real Estate (MSCI US IMI Real Estate 25/50)
    ['SCHH'], // Schwab US REIT
    ['USRT'], // iShares Core US REIT
    ['XLRE'], // Real Estate Select Sector SPDR
    ['FSRNX'], // Fidelity Real Estate Index
  ],
  tips: [
    ['SCHP'], // Schwab US TIPS
    ['TIP'], // iShares TIPS Bond
    ['VTIP', 'VTAPX'], // Vanguard Short-Term Inflation-Protected Securities
    ['VAIPX', 'VIPSX'], // Vanguard Inflation-Protected Securities
    ['SPIP'], // SPDR Portfolio TIPS
  ],
  cash: [
    ['SGOV'], // iShares 0-3 Month Treasury Bond
    ['BIL'], // SPDR Bloomberg 1-3 Month T-Bill
    ['VMFXX'], // Vanguard Federal Money Market
    ['SPAXX'], // Fidelity Government Money Market
    ['SWVXX'], // Schwab Value Advantage Money
    ['FDRXX'], // Fidelity Government Cash Reserves
    ['CASH', 'CORE**'],
  ],
};

const BUILT_IN_CLASS = new Map<string, BuiltInAssetClass>();
const BUILT_IN_GROUP = new Map<string, readonly string[]>();
for (const assetClass of ASSET_CLASSES) {
  for (const fund of FUNDS[assetClass]) {
    for (const symbol of fund) {
      BUILT_IN_CLASS.set(symbol, assetClass);
      BUILT_IN_GROUP.set(symbol, fund);
    }
  }
}

/** A ticker as stored: upper case, starting with a letter or digit ("VTI", "BRK.B"), or "^" for an index ("^GSPC"). */
export const TICKER_SYMBOL = /^\^?[A-Z0-9][A-Z0-9.\-/$*^]{0,31}$/;
/** An asset class id: lower case with hyphens ("us-bonds"). */
export const ASSET_CLASS_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function normalizeSymbol(symbol: string): string {
  return symbol.trim().toUpperCase();
}

/** The class of a symbol: the person's override, the built-in map, or "unclassified". */
export function classOf(symbol: string, overrides: Readonly<Record<string, string>>): string {
  const s = normalizeSymbol(symbol);
  return overrides[s] ?? BUILT_IN_CLASS.get(s) ?? UNCLASSIFIED;
}

export function isBuiltInClass(assetClass: string): assetClass is BuiltInAssetClass {
  return (ASSET_CLASSES as readonly string[]).includes(assetClass);
}

export function classLabel(assetClass: string): string {
  return isBuiltInClass(assetClass) ? ASSET_CLASS_LABELS[assetClass] : assetClass;
}

/**
 * Maps every symbol to its wash-sale group key: symbols with the same key are
 * substantially identical. Built-in share classes and the person's groups
 * merge (a union-find, so declaring VTI ~ ITOT joins VTSAX too).
 */
export function identicalGroups(declared: readonly (readonly string[])[]): (symbol: string) => string {
  const parent = new Map<string, string>();
  const find = (s: string): string => {
    let root = s;
    while (parent.has(root) && parent.get(root) !== root) root = parent.get(root)!;
    let node = s;
    while (node !== root) {
      const next = parent.get(node)!;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(rb < ra ? ra : rb, rb < ra ? rb : ra);
  };
  for (const group of declared) {
    const symbols = group.map(normalizeSymbol);
    for (const symbol of symbols) {
      const builtIn = BUILT_IN_GROUP.get(symbol);
      if (builtIn !== undefined) for (const other of builtIn) union(symbol, other);
    }
    for (let i = 1; i < symbols.length; i++) union(symbols[0]!, symbols[i]!);
  }
  return (symbol: string) => {
    const s = normalizeSymbol(symbol);
    if (parent.has(s)) return find(s);
    const builtIn = BUILT_IN_GROUP.get(s);
    return builtIn === undefined ? s : builtIn[0]!;
  };
}

/**
 * Replacement candidates for a symbol: the first share class of every other
 * built-in fund in the same class, in map order (the person's own class
 * overrides add their symbols). Callers drop those in the same group or
 * inside a wash window.
 */
export function replacementCandidates(symbol: string, overrides: Readonly<Record<string, string>>): string[] {
  const s = normalizeSymbol(symbol);
  const assetClass = classOf(s, overrides);
  const out: string[] = [];
  if (isBuiltInClass(assetClass)) for (const fund of FUNDS[assetClass]) out.push(fund[0]!);
  for (const [other, cls] of Object.entries(overrides)) if (cls === assetClass && !out.includes(other)) out.push(other);
  return out.filter((candidate) => candidate !== s && classOf(candidate, overrides) === assetClass);
}

/** The symbol to buy for a class when the household holds none of it: the first built-in fund. */
export function defaultSymbolFor(assetClass: string): string | null {
  return isBuiltInClass(assetClass) ? FUNDS[assetClass][0]![0]! : null;
}
