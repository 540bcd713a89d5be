/**
 * The data behind merchant normalization (utils/analytics/merchants.ts):
 * well-known merchants written many ways on statements, the words banks put
 * around a merchant, and the places they append after it.
 *
 * An alias pattern is matched at the start of the cleaned, upper-case
 * description; each alternative begins with a fixed letter or digit so the
 * table can be bucketed by first character (see merchants.ts). Patterns never
 * read reference codes (words with three or more digits): they are matched on
 * the words before the first code, which keeps merchant-shape.ts exact.
 */

export interface MerchantAlias {
  /** Alternatives, each a regular expression source matched at the start. */
  starts: string[];
  key: string;
  name: string;
  /** The kind of service, when it is one leak detection compares (see leaks.ts). */
  kind?: ServiceKind;
}

export type ServiceKind = 'streaming video' | 'music' | 'cloud storage' | 'news';

export const MERCHANT_ALIASES: readonly MerchantAlias[] = [
  // Streaming video.
  { starts: ['NETFLIX'], key: 'netflix', name: 'Netflix', kind: 'streaming video' },
  { starts: ['HULU'], key: 'hulu', name: 'Hulu', kind: 'streaming video' },
  { starts: ['DISNEY ?(?:\\+|PLUS)'], key: 'disney+', name: 'Disney+', kind: 'streaming video' },
  { starts: ['HBO ?MAX', 'HBO\\b', 'MAX ?\\. ?COM', 'WWW ?\\. ?MAX ?\\.'], key: 'hbo max', name: 'HBO Max', kind: 'streaming video' },
  {
    starts: ['(?:AMZN|AMAZON)(?: ?\\.? ?COM)?(?: ?\\*)? ?PRIME', 'PRIME ?VIDEO'],
    key: 'amazon prime',
    name: 'Amazon Prime',
    kind: 'streaming video',
  },
  { starts: ['APPLE ?TV'], key: 'apple tv+', name: 'Apple TV+', kind: 'streaming video' },
  { starts: ['PARAMOUNT ?(?:\\+|PLUS)', 'CBS ALL ACCESS'], key: 'paramount+', name: 'Paramount+', kind: 'streaming video' },
  { starts: ['PEACOCK'], key: 'peacock', name: 'Peacock', kind: 'streaming video' },
  { starts: ['YOU ?TUBE ?TV'], key: 'youtube tv', name: 'YouTube TV', kind: 'streaming video' },
  { starts: ['SLING ?TV'], key: 'sling tv', name: 'Sling TV', kind: 'streaming video' },
  { starts: ['CRUNCHYROLL'], key: 'crunchyroll', name: 'Crunchyroll', kind: 'streaming video' },
  // Music.
  { starts: ['SPOTIFY'], key: 'spotify', name: 'Spotify', kind: 'music' },
  { starts: ['APPLE ?MUSIC'], key: 'apple music', name: 'Apple Music', kind: 'music' },
  { starts: ['YOU ?TUBE ?MUSIC'], key: 'youtube music', name: 'YouTube Music', kind: 'music' },
  { starts: ['YOU ?TUBE ?(?:PREMIUM|RED)'], key: 'youtube premium', name: 'YouTube Premium', kind: 'music' },
  { starts: ['TIDAL'], key: 'tidal', name: 'Tidal', kind: 'music' },
  { starts: ['DEEZER'], key: 'deezer', name: 'Deezer', kind: 'music' },
  { starts: ['PANDORA'], key: 'pandora', name: 'Pandora', kind: 'music' },
  { starts: ['SIRIUS ?XM'], key: 'siriusxm', name: 'SiriusXM', kind: 'music' },
  { starts: ['AMAZON ?MUSIC', 'AMZN ?MUSIC'], key: 'amazon music', name: 'Amazon Music', kind: 'music' },
  // Cloud storage.
  { starts: ['(?:APPLE ?)?I ?CLOUD'], key: 'icloud', name: 'iCloud', kind: 'cloud storage' },
  { starts: ['GOOGLE ?(?:ONE|STORAGE)'], key: 'google one', name: 'Google One', kind: 'cloud storage' },
  { starts: ['DROPBOX'], key: 'dropbox', name: 'Dropbox', kind: 'cloud storage' },
  { starts: ['(?:MICROSOFT ?\\*? ?)?ONE ?DRIVE', 'MSFT ?\\*? ?ONE ?DRIVE'], key: 'onedrive', name: 'OneDrive', kind: 'cloud storage' },
  { starts: ['BOX ?\\. ?COM'], key: 'box', name: 'Box', kind: 'cloud storage' },
  // News.
  { starts: ['NY ?TIMES', 'NEW ?YORK ?TIMES', 'THE NEW YORK TIMES'], key: 'new york times', name: 'The New York Times', kind: 'news' },
  { starts: ['WSJ', '(?:THE ?)?WALL ?STREET ?JOURNAL', 'DOW ?JONES'], key: 'wall street journal', name: 'The Wall Street Journal', kind: 'news' },
  { starts: ['(?:THE ?)?WASHINGTON ?POST', 'WP ?DIGITAL'], key: 'washington post', name: 'The Washington Post', kind: 'news' },
  { starts: ['THE ?ECONOMIST', 'ECONOMIST'], key: 'the economist', name: 'The Economist', kind: 'news' },
  { starts: ['THE ?ATLANTIC'], key: 'the atlantic', name: 'The Atlantic', kind: 'news' },
  // Other well-known names written many ways.
  { starts: ['APPLE ?\\.? ?COM ?/? ?BILL', 'ITUNES'], key: 'apple', name: 'Apple' },
  { starts: ['AMAZON ?WEB ?SERVICES', 'AWS\\b'], key: 'aws', name: 'AWS' },
  { starts: ['AUDIBLE'], key: 'audible', name: 'Audible' },
  { starts: ['KINDLE', 'AMAZON ?KINDLE', 'AMZN ?KINDLE'], key: 'kindle', name: 'Kindle' },
  {
    starts: ['AMZN', 'AMAZON(?: ?\\.? ?COM)?\\b', 'AMAZON ?(?:MKTP|MARKETPLACE)'],
    key: 'amazon',
    name: 'Amazon',
  },
  { starts: ['GOOGLE ?PLAY'], key: 'google play', name: 'Google Play' },
  { starts: ['OPENAI', 'CHATGPT'], key: 'openai', name: 'OpenAI' },
  { starts: ['ADOBE'], key: 'adobe', name: 'Adobe' },
  { starts: ['(?:MICROSOFT ?\\*? ?)?XBOX'], key: 'xbox', name: 'Xbox' },
  { starts: ['MICROSOFT\\b', 'MSFT\\b'], key: 'microsoft', name: 'Microsoft' },
  { starts: ['GITHUB'], key: 'github', name: 'GitHub' },
  { starts: ['1 ?PASSWORD'], key: '1password', name: '1Password' },
  { starts: ['ZOOM ?\\.? ?US', 'ZOOM ?VIDEO'], key: 'zoom', name: 'Zoom' },
  { starts: ['UBER ?\\*? ?EATS', 'UBEREATS'], key: 'uber eats', name: 'Uber Eats' },
  { starts: ['UBER\\b'], key: 'uber', name: 'Uber' },
  { starts: ['LYFT'], key: 'lyft', name: 'Lyft' },
  { starts: ['DOORDASH', 'DD ?\\*? ?DOORDASH'], key: 'doordash', name: 'DoorDash' },
  { starts: ['WAL-?MART', 'WM SUPERCENTER'], key: 'walmart', name: 'Walmart' },
  { starts: ['WHOLE ?FOODS', 'WFM\\b'], key: 'whole foods', name: 'Whole Foods' },
  { starts: ['TRADER ?JOE'], key: "trader joe's", name: "Trader Joe's" },
  { starts: ['STARBUCKS'], key: 'starbucks', name: 'Starbucks' },
  { starts: ['COSTCO'], key: 'costco', name: 'Costco' },
  { starts: ['AT ?& ?T', 'ATT\\b'], key: 'at&t', name: 'AT&T' },
  { starts: ['VERIZON', 'VZWRLSS'], key: 'verizon', name: 'Verizon' },
  { starts: ['T-? ?MOBILE'], key: 't-mobile', name: 'T-Mobile' },
  { starts: ['COMCAST', 'XFINITY'], key: 'xfinity', name: 'Xfinity' },
  { starts: ['PLANET ?FITNESS'], key: 'planet fitness', name: 'Planet Fitness' },
];

/**
 * Card-processor prefixes, written before a "*": "SQ *BLUE BOTTLE" is Blue
 * Bottle paid through Square. The value is the merchant when nothing follows.
 */
export const PROCESSORS: ReadonlyMap<string, string> = new Map([
  ['SQ', 'Square'], ['SQU', 'Square'], ['TST', 'Toast'], ['PAYPAL', 'PayPal'], ['PP', 'PayPal'], ['SP', 'Shopify'],
  ['GOOGLE', 'Google'], ['GOOG', 'Google'], ['GGL', 'Google'], ['IN', 'Intuit'], ['EB', 'Eventbrite'],
  ['FS', 'FastSpring'], ['DRI', 'Digital River'], ['PY', 'PayPal'], ['PADDLE.NET', 'Paddle'], ['2CO.COM', '2Checkout'],
  ['CKO', 'Checkout.com'], ['WPY', 'WePay'], ['SMK', 'Smarkets'], ['ZSK', 'Zettle'], ['BT', 'Braintree'],
]);

/**
 * Bank words in front of the merchant ("POS", "DEBIT CARD PURCHASE",
 * "CHECKCARD", "ACH DEBIT", "RECURRING PAYMENT", "PURCHASE AUTHORIZED ON"),
 * dropped together with leading dates, card numbers and reference numbers.
 */
export const LEADING_WORDS = new Set(
  (
    'POS ATM DDA VISA DEBIT CREDIT CARD CHECK CHECKCARD CHKCARD PURCHASE PMT PAYMENT RECURRING PREAUTHORIZED ' +
    'PRE-AUTHORIZED ONLINE ACH WEB ELECTRONIC EFT BILLPAY AUTOPAY AUTHORIZED AUTH WITHDRAWAL TRANSACTION TXN INTL ' +
    'INTERNATIONAL CONTACTLESS SIGNATURE PIN DBT CRD TRANSFER'
  ).split(' '),
);

/** Words that, with a number after them, mark a store or terminal number: "STORE 0042", "TERMINAL 7". */
export const STORE_WORDS = new Set('STORE STR STO NO NO. TERMINAL TERM LOC UNIT BRANCH SHOP REF ID'.split(' '));

/** Web address endings dropped from a word: "NETFLIX.COM/BILL" → "NETFLIX". */
export const TOP_LEVEL_DOMAINS = new Set('COM NET ORG IO CO TV APP AI FM ME US UK CA DE FR NL IE LU SE AU'.split(' '));

/** Two-letter US states and Canadian provinces, and country codes banks append. */
export const PLACE_CODES = new Set(
  (
    'AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA ' +
    'RI SC SD TN TX UT VT VA WA WV WI WY PR AB BC MB NB NL NS ON PE QC SK ' +
    'US USA GB GBR UK IE IRL NL NLD LU LUX SE SWE DE DEU FR FRA AU AUS CAN NZ NZL ES ESP IT ITA CH CHE SG SGP JP JPN MX MEX'
  ).split(' '),
);

/** Cities often written after a merchant (billing addresses of well-known services, large cities). */
export const CITIES: ReadonlySet<string> = new Set(
  [
    'LOS GATOS', 'SAN FRANCISCO', 'SAN JOSE', 'SANTA MONICA', 'SANTA CLARA', 'MOUNTAIN VIEW', 'CUPERTINO', 'SUNNYVALE',
    'PALO ALTO', 'MENLO PARK', 'REDWOOD CITY', 'BURBANK', 'LOS ANGELES', 'SAN DIEGO', 'OAKLAND', 'SACRAMENTO',
    'NEW YORK', 'NEW YORK CITY', 'BROOKLYN', 'SEATTLE', 'REDMOND', 'BELLEVUE', 'PORTLAND', 'CHICAGO', 'BOSTON',
    'AUSTIN', 'DALLAS', 'HOUSTON', 'SAN ANTONIO', 'DENVER', 'PHOENIX', 'ATLANTA', 'MIAMI', 'ORLANDO', 'TAMPA',
    'PHILADELPHIA', 'PITTSBURGH', 'WASHINGTON', 'BALTIMORE', 'DETROIT', 'MINNEAPOLIS', 'ST LOUIS', 'ST. LOUIS',
    'NASHVILLE', 'CHARLOTTE', 'RALEIGH', 'COLUMBUS', 'CLEVELAND', 'INDIANAPOLIS', 'LAS VEGAS', 'SALT LAKE CITY',
    'KANSAS CITY', 'OMAHA', 'MILWAUKEE', 'NEW ORLEANS', 'HONOLULU', 'ANCHORAGE', 'TORONTO', 'VANCOUVER', 'MONTREAL',
    'LONDON', 'DUBLIN', 'AMSTERDAM', 'LUXEMBOURG', 'STOCKHOLM', 'BERLIN', 'PARIS', 'SYDNEY', 'SINGAPORE',
    'WILMINGTON', 'ARLINGTON', 'SPRINGFIELD', 'NEWARK', 'JERSEY CITY', 'DOVER', 'HOBOKEN', 'IRVINE',
  ],
);

/** Words banks or merchants add at the end that say nothing about who was paid. */
export const TRAILING_NOISE = new Set(
  'BILL BILLING PAYMENT PMT SUBSCRIPTION SUBSCR RECURRING AUTOPAY PURCHASE DEBIT CARD INC LLC LTD CORP CO COM NET ONLINE'.split(' '),
);

/** The last word of each city, so only a few word lists are joined and looked up. */
export const CITY_LAST_WORDS: ReadonlySet<string> = new Set([...CITIES].map((c) => c.slice(c.lastIndexOf(' ') + 1)));
