/**
 * The Import section's file reading: the chosen file's bytes stay in the
 * page, and every reading (the first one, a format or date order chosen by
 * the person, a column mapping) is done by the analytics worker, started on
 * first use and terminated when the section goes away. A reading that was
 * overtaken by a newer one (another file, another choice) is dropped.
 *
 * A file of an unknown layout goes to the mapping step, unless the person
 * saved a mapping for the same header before: then that mapping is used at
 * once, and the section says so.
 */
import * as Comlink from 'comlink';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { db, store } from '@/utils/db';
import type { ImportMapping } from '@/utils/db/schema-import';
import { startAnalytics } from '@/utils/analytics/client';
import { checkFileSize } from '@/utils/importers/csv';
import { headerKey, suggestMapping } from '@/utils/importers/mapping';
import type { ColumnMapping, DateOrder, FormatId, ImportReading } from '@/utils/importers/types';

export interface ReadOptions {
  format?: FormatId;
  mapping?: ColumnMapping;
  dateOrder?: DateOrder;
}

/**
 * - empty: no file yet (or it could not be read);
 * - format: read as a known format (or as nothing, for a file that is no table);
 * - mapping: the person maps the columns (the preview waits);
 * - mapped: read with the person's mapping.
 */
export type ImportMode = 'empty' | 'format' | 'mapping' | 'mapped';

export interface ImportState {
  fileName?: string;
  /** Share of the file read, while the worker reads; undefined otherwise. */
  progress?: number;
  reading?: ImportReading;
  /** The options the reading was made with. */
  options: ReadOptions;
  mode: ImportMode;
  /** The saved mapping the reading used. */
  saved?: ImportMapping;
  /** Where the mapping step starts (saved mapping for the header, else a suggestion). */
  mappingStart?: ColumnMapping;
  error?: string;
  /** Changes with every reading (keys the preview, so it starts afresh). */
  readingId: number;
}

export interface ImportFlow {
  state: ImportState;
  /** Reads a chosen file (undefined clears). */
  choose(file: File | undefined): Promise<void>;
  /** Reads the file again as this format (undefined: let Strata detect it). */
  readAs(format: FormatId | undefined): Promise<void>;
  /** Reads the file again with this numeric date order (for a mapped file, saved with its mapping). */
  readWithDateOrder(order: DateOrder): Promise<void>;
  /** Goes to the mapping step. */
  mapColumns(): Promise<void>;
  /** Saves the mapping for this header and reads the file with it. Throws when the store refuses the mapping. */
  applyMapping(mapping: ColumnMapping): Promise<void>;
  /** Reads the file with a mapping for the live preview, without changing the flow; undefined when overtaken. */
  previewMapping(mapping: ColumnMapping): Promise<ImportReading | undefined>;
}

/** The mapping a saved one holds. */
export function mappingOf(saved: ImportMapping): ColumnMapping {
  return {
    kind: saved.kind,
    columns: { ...saved.columns },
    dateOrder: saved.dateOrder,
    currency: saved.currency,
    invertSign: saved.invertSign,
    incomeKind: saved.incomeKind,
    source: saved.source,
  };
}

const EMPTY: ImportState = { options: {}, mode: 'empty', readingId: 0 };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useImport(currency: string): ImportFlow {
  const [state, setState] = useState<ImportState>(EMPTY);
  const handle = useRef<ReturnType<typeof startAnalytics> | undefined>(undefined);
  const file = useRef<{ name: string; bytes: Uint8Array } | undefined>(undefined);
  const seq = useRef(0);
  const previewSeq = useRef(0);
  const latest = useRef(state);
  latest.current = state;
  const currencyRef = useRef(currency);
  currencyRef.current = currency;

  useEffect(
    () => () => {
      handle.current?.terminate();
      handle.current = undefined;
    },
    [],
  );

  const actions = useMemo<Omit<ImportFlow, 'state'>>(() => {
    const worker = () => (handle.current ??= startAnalytics());

    /** One reading by the worker; the bytes are copied so the page keeps its own for the next reading. */
    const call = (options: ReadOptions, onProgress?: (share: number) => void): Promise<ImportReading> => {
      const bytes = file.current!.bytes.slice();
      return worker().api.readImportFile(
        Comlink.transfer(bytes, [bytes.buffer]),
        { ...options, currency: currencyRef.current },
        onProgress ? Comlink.proxy(onProgress) : undefined,
      );
    };

    const read = async (options: ReadOptions): Promise<void> => {
      const id = ++seq.current;
      const current = () => seq.current === id;
      // Progress arrives on the callback's own channel, so a last report can come after the reading itself: ignore it then.
      let finished = false;
      const onProgress = (share: number) => {
        if (current() && !finished) setState((s) => ({ ...s, progress: share }));
      };
      setState((s) => ({ ...s, progress: 0, error: undefined }));
      try {
        let reading = await call(options, onProgress);
        if (!current()) return;
        let used = options;
        let mode: ImportMode = 'format';
        let saved: ImportMapping | undefined;
        let mappingStart: ColumnMapping | undefined;
        if (options.mapping) {
          mode = 'mapped';
          saved = latest.current.saved;
        } else if (reading.format === null && reading.header && reading.header.length > 0 && !options.format) {
          saved = await db.importMappings.get(headerKey(reading.header));
          if (!current()) return;
          if (saved) {
            used = { ...options, mapping: mappingOf(saved) };
            reading = await call(used, onProgress);
            if (!current()) return;
            mode = 'mapped';
          } else {
            mode = 'mapping';
            mappingStart = suggestMapping(reading.header);
          }
        }
        finished = true;
        setState((s) => ({ ...s, reading, options: used, mode, saved, mappingStart, progress: undefined, error: undefined, readingId: id }));
      } catch (error) {
        finished = true;
        if (current()) setState((s) => ({ ...s, progress: undefined, error: `${file.current?.name ?? 'The file'} could not be read: ${message(error)}` }));
      }
    };

    const choose = async (chosen: File | undefined): Promise<void> => {
      seq.current++;
      previewSeq.current++;
      file.current = undefined;
      if (!chosen) return setState(EMPTY);
      setState({ ...EMPTY, fileName: chosen.name, progress: 0, readingId: seq.current });
      try {
        checkFileSize(chosen.size);
        const bytes = new Uint8Array(await chosen.arrayBuffer());
        file.current = { name: chosen.name, bytes };
      } catch (error) {
        setState({ ...EMPTY, fileName: chosen.name, error: `${chosen.name} could not be read: ${message(error)}` });
        return;
      }
      await read({});
    };

    const readAs = (format: FormatId | undefined) => (file.current ? read(format ? { format } : {}) : Promise.resolve());


    const mapColumns = async (): Promise<void> => {
      const { reading, options } = latest.current;
      const header = reading?.header;
      if (!header || header.length === 0) return;
      const saved = options.mapping ? undefined : await db.importMappings.get(headerKey(header));
      const start = options.mapping ?? (saved ? mappingOf(saved) : suggestMapping(header));
      setState((s) => ({ ...s, mode: 'mapping', mappingStart: start }));
    };

    const applyMapping = async (mapping: ColumnMapping): Promise<void> => {
      const header = latest.current.reading?.header;
      if (!header || !file.current) return;
      // Busy from here: the preview of the previous reading goes away at once, so it cannot be committed meanwhile.
      setState((s) => ({ ...s, progress: 0, error: undefined }));
      let saved: ImportMapping;
      try {
        saved = await store.saveImportMapping(header, mapping);
      } catch (error) {
        setState((s) => ({ ...s, progress: undefined }));
        throw error;
      }
      setState((s) => ({ ...s, saved }));
      latest.current = { ...latest.current, saved };
      await read({ mapping });
    };

    const readWithDateOrder = (dateOrder: DateOrder): Promise<void> => {
      if (!file.current) return Promise.resolve();
      const { mapping } = latest.current.options;
      // A mapped file: the order becomes part of the saved mapping, so the next file with this header reads the same way.
      if (mapping) {
        return applyMapping({ ...mapping, dateOrder }).catch((error: unknown) =>
          setState((s) => ({ ...s, error: `The date order could not be saved with your mapping: ${message(error)}` })),
        );
      }
      return read({ ...latest.current.options, dateOrder });
    };

    const previewMapping = async (mapping: ColumnMapping): Promise<ImportReading | undefined> => {
      if (!file.current) return undefined;
      const id = ++previewSeq.current;
      const reading = await call({ mapping });
      return previewSeq.current === id ? reading : undefined;
    };

    return { choose, readAs, readWithDateOrder, mapColumns, applyMapping, previewMapping };
  }, []);
  return { ...actions, state };
}
