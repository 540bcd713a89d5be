/**
 * The contract of committing an import (utils/db/import-commit.ts): what the
 * preview shows and what the commit writes. Records come from the reader
 * (utils/importers, ParsedImport); nothing is written until commitImport,
 * which writes everything or nothing.
 */
import type { FormatId, ParsedImport } from '../importers/types';
import type { AccountKind } from './schema';

/** Where one of the file's accounts goes: an existing account, or a new one created on commit. */
export type AccountChoice = { accountId: string } | { create: { name: string; kind: AccountKind } };

export interface ImportCommitInput {
  /** What the reader produced (its errors are refused rows: they are counted, never written). */
  reading: ParsedImport;
  fileName: string;
  /** The format the rows were read as, or "mapping" for a mapped layout. */
  format: FormatId | 'mapping';
  /** The institution or service ("Charles Schwab", "Amazon Associates"), for naming created accounts and streams. */
  institution: string;
  /**
   * Per account label of the file (the records' `account`; "" for records
   * without one): where they go. A label left out is matched to an
   * unarchived account by name (case-insensitive, also "<institution>
   * <name>"), else a new account "<institution> <label>" (or "<institution>"
   * for "") is created: kind brokerage for brokerage formats, cash for
   * bank formats; layer foundation; currency of its records.
   */
  accounts?: Record<string, AccountChoice>;
  /** The import time (tests); default Date.now(). */
  now?: number;
}

export interface ImportPreviewAccount {
  /** The file's label ("" = none). */
  label: string;
  /** The account it goes to, when it exists. */
  accountId?: string;
  /** The account's name, or the name it will be created with. */
  name: string;
  create: boolean;
  /** Records of the file for this account. */
  records: number;
}

export interface ImportPreview {
  accounts: ImportPreviewAccount[];
  /** Income streams the income records go to: existing or created on commit. */
  streams: { name: string; streamId?: string; create: boolean; records: number }[];
  /** New records per table ("transactions", "trades", "incomeEvents", "holdings", "taxLots", "balanceSnapshots"). */
  add: Record<string, number>;
  /** Records already stored (an earlier import of the same rows): skipped. */
  duplicates: number;
  /** The file lines of the first 50 duplicates. */
  duplicateLines: number[];
  /** Rows the reader refused (ParsedImport.errors), never written. */
  refused: number;
  /**
   * Rows read but that cannot be stored, left out like refused rows: a value
   * the database refuses, or a sale of more shares than the account holds
   * then (the portfolio could not replay it).
   */
  unstorable: { line: number; column: string; reason: string }[];
}

export interface ImportOutcome extends ImportPreview {
  /** The imports table row written (its id is every new record's provenance.importId); absent when nothing was new. */
  importId?: string;
}
