export type { Money } from './types';
export {
  BIDI_MARKS,
  currencyForSymbol,
  intlSymbols,
  isCurrencyCode,
  minorDigits,
  regionCurrency,
  symbolMeaning,
  type SymbolMeaning,
  type SymbolResolution,
} from './currency';
export { parseMoney, type ParsedMoney, type ParseHints, type ParseResult } from './parse';
export { formatMoney, formatMoneyPlain, toDecimalString, toMajorNumber, type FormatOptions } from './format';
