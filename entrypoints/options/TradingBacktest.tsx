/**
 * The backtest form: rules in the lab's language, the symbol they trade
 * (a rotation names its own), an optional date range; the run happens in the
 * analytics worker (the form is busy meanwhile, and only the newest run is
 * shown). A rules error is shown where it is in the text. Then: save the
 * strategy under a name (warned when its starting capital is over the plan's
 * cap) and train the learned signal on the chosen symbol on its own.
 */
import { useRef, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { SymbolOnFile } from '@/utils/db/trading';
import { readBacktestForm, readStrategyForm } from '@/utils/forms/trading';
import type { LabBacktestReport } from '@/utils/trading/lab';
import type { ModelReport } from '@/utils/trading/types';
import { parseStrategy } from '@/utils/trading/strategy';
import { strategyOverCap } from '@/utils/trading/risk';
import { Field, FormOutcome } from '@/components/Field';
import type { TradingLab } from '@/components/useTradingLab';
import { refusal } from './StreamsFormContext';
import { ModelVerdict, TradingBacktestResult } from './TradingBacktestResult';
import { errorPosition, GRAMMAR_HELP, RSI_EXAMPLE, tradingFormat } from './tradingText';

type Failure = { message: string; where: ReturnType<typeof errorPosition> | null };

export function TradingBacktest(props: {
  lab: Pick<TradingLab, 'worker' | 'barsFor'>;
  symbols: SymbolOnFile[];
  useAdjusted: boolean;
  /** The plan's cap on trading capital in `currency`, minor units; undefined while the plan is computed. */
  capMinor: number | undefined;
  currency: string;
  locale: string;
}) {
  const { lab, symbols, currency, locale } = props;
  const [text, setText] = useState('');
  const [symbol, setSymbol] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<Failure | undefined>(undefined);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<Extract<LabBacktestReport, { ok: true }> | undefined>(undefined);
  const generation = useRef(0);
  const rules = useRef<HTMLTextAreaElement>(null);
  const chosen = symbol !== '' && symbols.some((s) => s.symbol === symbol) ? symbol : (symbols[0]?.symbol ?? '');

  /** The symbols the current text trades: a rotation's own list, else the chosen symbol. */
  function tradedSymbols(): { rotation: boolean; symbols: string[] } {
    const parsed = parseStrategy(text);
    if (parsed.ok && parsed.strategy.kind === 'rotation') return { rotation: true, symbols: parsed.strategy.symbols };
    return { rotation: false, symbols: chosen ? [chosen] : [] };
  }

  function showParseError(message: string, at: number | null) {
    setFailure({ message, where: at === null ? null : errorPosition(text, at) });
    if (at !== null && rules.current) {
      rules.current.focus();
      rules.current.setSelectionRange(at, Math.min(at + 1, text.length));
    }
  }

  async function run(event: Event) {
    event.preventDefault();
    setFailure(undefined);
    const traded = tradedSymbols();
    const read = readBacktestForm({ text, symbol: chosen, from, to }, { symbols: symbols.map((s) => s.symbol), rotation: traded.rotation });
    if (!read.ok) return setErrors(read.errors);
    setErrors({});
    const parsed = parseStrategy(read.value.text);
    if (!parsed.ok) return showParseError(parsed.error, parsed.at);
    const mine = ++generation.current;
    setRunning(true);
    try {
      const report = await lab.worker().api.labBacktest({
        text: read.value.text,
        symbols: await lab.barsFor(traded.symbols),
        useAdjusted: props.useAdjusted,
        ...(read.value.from !== undefined ? { from: read.value.from } : {}),
        ...(read.value.to !== undefined ? { to: read.value.to } : {}),
      });
      if (mine !== generation.current) return;
      if (report.ok) setRan(report);
      else {
        setRan(undefined);
        showParseError(report.error, report.at);
      }
    } catch (error) {
      if (mine === generation.current) setFailure({ message: `The backtest could not run: ${(error as Error).message}`, where: null });
    } finally {
      if (mine === generation.current) setRunning(false);
    }
  }

  const overCap =
    ran && props.capMinor !== undefined ? strategyOverCap(Math.round(ran.strategy.costs.capital * 100), props.capMinor, currency) : null;

  return (
    <div data-testid="trading-backtest" aria-busy={running ? 'true' : 'false'}>
      <h3>Backtest</h3>
      <form aria-label="Backtest a strategy" onSubmit={run} noValidate>
        <div class="form-row" style="align-items:flex-start">
          <div class="field" style="flex:1 1 22rem">
            <label for="trading-rules">Rules</label>
            <textarea
              id="trading-rules"
              ref={rules}
              rows={5}
              spellcheck={false}
              style="font-family:ui-monospace,monospace;width:100%"
              placeholder={RSI_EXAMPLE}
              value={text}
              aria-invalid={errors.text || failure?.where ? 'true' : 'false'}
              aria-describedby={`trading-rules-help${errors.text ? ' trading-rules-error' : ''}`}
              onInput={(e) => setText(e.currentTarget.value)}
            />
            {errors.text && (
              <span id="trading-rules-error" class="field-error" role="alert">
                {errors.text}
              </span>
            )}
          </div>
          <div id="trading-rules-help" class="muted" style="flex:1 1 18rem;font-size:0.85rem">
            <p style="margin:0 0 0.25rem">The rules, one clause per line or separated by “;”:</p>
            <ul style="margin:0;padding-left:1.1rem">
              {GRAMMAR_HELP.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </div>
        <div class="form-row">
          <Field id="trading-bt-symbol" label="Symbol" error={errors.symbol} hint="A rotation trades the symbols its rules name">
            {(aria) => (
              <select {...aria} value={chosen} onChange={(e) => setSymbol(e.currentTarget.value)}>
                {symbols.length === 0 && <option value="">No prices on file</option>}
                {symbols.map((s) => (
                  <option key={s.symbol} value={s.symbol}>
                    {s.symbol}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id="trading-bt-from" label="From (optional)" error={errors.from}>
            {(aria) => <input {...aria} type="date" value={from} onInput={(e) => setFrom(e.currentTarget.value)} />}
          </Field>
          <Field id="trading-bt-to" label="To (optional)" error={errors.to}>
            {(aria) => <input {...aria} type="date" value={to} onInput={(e) => setTo(e.currentTarget.value)} />}
          </Field>
          <button type="submit" class="primary" disabled={running} aria-busy={running ? 'true' : 'false'}>
            {running ? 'Running…' : 'Run backtest'}
          </button>
        </div>
      </form>
      {failure && (
        <div role="alert" class="form-error" data-testid="trading-backtest-error">
          <p>
            {failure.where ? `Line ${failure.where.line}, column ${failure.where.column}: ` : ''}
            {failure.message}
          </p>
          {failure.where && (
            <pre class="trading-excerpt" aria-hidden="true">
              {failure.where.excerpt}
              {'\n'}
              {failure.where.caret}
            </pre>
          )}
        </div>
      )}
      {running && <p aria-busy="true">Running the backtest and the walk-forward check…</p>}
      {ran && <TradingBacktestResult result={ran.result} walkForward={ran.walkForward} model={ran.model} currency={currency} locale={locale} />}
      {overCap && (
        <p role="alert" class="form-error trading-warning" data-testid="trading-overcap">
          {overCap}
        </p>
      )}
      <SaveStrategy text={text} symbols={() => tradedSymbols().symbols} onInvalid={(m, at) => showParseError(m, at)} />
      <TrainModel lab={lab} symbol={chosen} useAdjusted={props.useAdjusted} currency={currency} locale={locale} />
    </div>
  );
}

function SaveStrategy(props: { text: string; symbols: () => string[]; onInvalid: (message: string, at: number) => void }) {
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState('');
  async function save(event: Event) {
    event.preventDefault();
    setStatus('');
    setGeneral(undefined);
    const parsed = parseStrategy(props.text);
    if (props.text.trim() !== '' && !parsed.ok) return props.onInvalid(parsed.error, parsed.at);
    const read = readStrategyForm({ name, text: props.text }, props.symbols());
    if (!read.ok) {
      setErrors(read.errors);
      if (read.errors.text || read.errors.symbols) setGeneral(read.errors.text ?? read.errors.symbols);
      return;
    }
    setErrors({});
    try {
      const saved = await store.saveStrategy(read.value);
      setName('');
      setStatus(`Saved “${saved.name}” (${saved.symbols.join(', ')}). A lab account can follow it below.`);
    } catch (error) {
      const r = refusal(error, ['name']);
      setErrors(r.errors);
      setGeneral(r.general);
    }
  }
  return (
    <form aria-label="Save the strategy" onSubmit={save} noValidate>
      <div class="form-row">
        <Field id="trading-strategy-name" label="Strategy name" error={errors.name}>
          {(aria) => <input {...aria} type="text" size={24} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <button type="submit">Save strategy</button>
      </div>
      <FormOutcome error={general} status={status} />
    </form>
  );
}

function TrainModel(props: { lab: Pick<TradingLab, 'worker' | 'barsFor'>; symbol: string; useAdjusted: boolean; currency: string; locale: string }) {
  const [busy, setBusy] = useState(false);
  const [model, setModel] = useState<{ symbol: string; report: Omit<ModelReport, 'probability'> } | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  async function train() {
    if (!props.symbol) return setError('Import a price file first.');
    setBusy(true);
    setError(undefined);
    try {
      const [bars] = await props.lab.barsFor([props.symbol]);
      const report = await props.lab.worker().api.labModel({ symbol: bars!, useAdjusted: props.useAdjusted });
      setModel({ symbol: props.symbol, report });
    } catch (e) {
      setError(`The learned signal could not be trained: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <div aria-busy={busy ? 'true' : 'false'} style="margin-top:1rem">
      <button type="button" onClick={train} disabled={busy}>
        {busy ? 'Training…' : `Train the learned signal${props.symbol ? ` on ${props.symbol}` : ''}`}
      </button>
      <FormOutcome error={error} />
      {model && (
        <ModelVerdict model={model.report} f={tradingFormat(props.currency, props.locale)} testid="trading-model-signal" title={`The learned signal on ${model.symbol}`} />
      )}
    </div>
  );
}
