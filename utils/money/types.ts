/**
 * An exact amount of money: an integer count of the currency's minor unit
 * (cents for USD, none for JPY, fils for BHD) plus its ISO 4217 code.
 * `minor` is always a safe integer; money is never stored as a float.
 */
export interface Money {
  minor: number;
  currency: string;
}
