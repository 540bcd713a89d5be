/**
 * Categories: the person's rules (a merchant or description containing a
 * pattern gets a category), the transactions with the category each got and
 * how (set by you, your rule, or learned with its confidence), and a place to
 * set one's own category — which the classifier learns from. The table shows
 * the newest 50 (or those matching the filter) and grows 50 at a time, so a
 * hundred thousand transactions never render at once.
 */
import { useMemo, useState } from 'preact/hooks';
import { store } from '@/utils/db';
import type { Transaction } from '@/utils/db/schema';
import type { CategoryRule } from '@/utils/db/schema-import';
import type { CategoryGuess } from '@/utils/analytics/leak-types';
import { formatMoney } from '@/utils/money';
import { Field, FormOutcome } from '@/components/Field';
import { dayText, guessText, isoDateOfTimestamp, modelStatusText } from './leaksText';

const PAGE = 50;

export function LeaksCategories(props: {
  transactions: readonly Transaction[];
  rules: readonly CategoryRule[];
  guesses: Record<string, CategoryGuess> | undefined;
  trainedOn: number | undefined;
  categories: readonly string[];
  accountNames: Readonly<Record<string, string>>;
  locale: string;
}) {
  const known = useMemo(
    () => [...new Set([...props.categories, ...props.rules.map((r) => r.category)])].sort((a, b) => a.localeCompare(b)),
    [props.categories, props.rules],
  );
  return (
    <div data-testid="leaks-categories">
      <h3>Categories</h3>
      <p class="muted" data-testid="category-model-status" aria-live="polite">
        {props.trainedOn === undefined ? 'Learning from your labels…' : modelStatusText(props.trainedOn, props.categories.length)}
      </p>
      <datalist id="leak-category-names">
        {known.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <CategoryRules rules={props.rules} />
      <CategoryTransactions {...props} />
    </div>
  );
}

function CategoryRules(props: { rules: readonly CategoryRule[] }) {
  const [pattern, setPattern] = useState('');
  const [category, setCategory] = useState('');
  const [errors, setErrors] = useState<{ pattern?: string; category?: string }>({});
  const [outcome, setOutcome] = useState<{ error?: string; status?: string }>({});

  const add = async (event: Event) => {
    event.preventDefault();
    const found: { pattern?: string; category?: string } = {};
    if (pattern.trim().length < 2) found.pattern = 'The pattern needs at least 2 characters (part of the merchant or description, e.g. “netflix”).';
    if (!category.trim()) found.category = 'Give the category these transactions belong to (e.g. “Streaming”).';
    setErrors(found);
    if (found.pattern || found.category) {
      setOutcome({});
      return;
    }
    try {
      const rule = await store.addCategoryRule({ pattern: pattern.trim(), category: category.trim() });
      setPattern('');
      setCategory('');
      setOutcome({ status: `Rule added: “${rule.pattern}” → ${rule.category}.` });
    } catch (error) {
      const issues = (error as { issues?: { field: string; message: string }[] }).issues ?? [];
      const byField: { pattern?: string; category?: string } = {};
      const rest: string[] = [];
      for (const issue of issues) {
        if (issue.field === 'pattern' || issue.field === 'category') byField[issue.field] ??= issue.message;
        else rest.push(issue.message);
      }
      setErrors(byField);
      setOutcome({ error: rest.length ? rest.join('; ') : issues.length ? 'The rule needs a look (see the fields).' : `Could not add the rule: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  const remove = async (rule: CategoryRule) => {
    try {
      await store.deleteCategoryRule(rule.id);
      setOutcome({ status: `Rule “${rule.pattern}” deleted.` });
    } catch (error) {
      setOutcome({ error: `Could not delete the rule: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  return (
    <div>
      <h4 style="margin-bottom:0.3rem">Your rules</h4>
      {props.rules.length === 0 ? (
        <p class="muted">No rules yet. A rule gives every transaction whose merchant or description contains its pattern (any case) a category.</p>
      ) : (
        <ul data-testid="category-rules">
          {props.rules.map((rule) => (
            <li key={rule.id} data-testid={`category-rule-item-${rule.id}`}>
              “{rule.pattern}” → {rule.category}{' '}
              <button type="button" class="danger" data-testid={`category-rule-delete-${rule.id}`} onClick={() => void remove(rule)}>
                Delete<span class="visually-hidden"> the rule “{rule.pattern}”</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} class="form-row" aria-label="Add a category rule" noValidate>
        <Field id="category-rule-pattern" label="Merchant or description contains" error={errors.pattern}>
          {(aria) => (
            <input {...aria} type="text" data-testid="category-rule-pattern" value={pattern} maxLength={100} onInput={(e) => setPattern(e.currentTarget.value)} />
          )}
        </Field>
        <Field id="category-rule-category" label="Category" error={errors.category}>
          {(aria) => (
            <input
              {...aria}
              type="text"
              list="leak-category-names"
              data-testid="category-rule-category"
              value={category}
              maxLength={100}
              onInput={(e) => setCategory(e.currentTarget.value)}
            />
          )}
        </Field>
        <button type="submit" class="primary" data-testid="category-rule-add">
          Add rule
        </button>
      </form>
      <FormOutcome error={outcome.error} status={outcome.status} />
    </div>
  );
}

function CategoryTransactions(props: {
  transactions: readonly Transaction[];
  rules: readonly CategoryRule[];
  guesses: Record<string, CategoryGuess> | undefined;
  accountNames: Readonly<Record<string, string>>;
  locale: string;
}) {
  const { locale, guesses } = props;
  const [filter, setFilter] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | undefined>(undefined);
  const needle = filter.trim().toLowerCase();
  const matching = useMemo(() => {
    if (!needle) return props.transactions;
    return props.transactions.filter(
      (t) =>
        t.description.toLowerCase().includes(needle) ||
        (t.merchant?.toLowerCase().includes(needle) ?? false) ||
        ((guesses?.[t.id]?.category ?? t.category)?.toLowerCase().includes(needle) ?? false),
    );
  }, [props.transactions, needle, guesses]);
  const shown = matching.slice(0, limit);
  const rulePattern = (id: string) => props.rules.find((r) => r.id === id)?.pattern;

  const setCategory = async (t: Transaction, value: string) => {
    const category = value.trim() || undefined;
    if (category === t.category) return;
    try {
      await store.setTransactionCategory(t.id, category);
      setError(undefined);
    } catch (e) {
      setError(`Could not set the category of “${t.description}”: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <div>
      <h4 style="margin-bottom:0.3rem">Transactions</h4>
      <div class="form-row">
        <Field id="leak-transactions-filter" label="Filter by description, merchant or category">
          {(aria) => (
            <input
              {...aria}
              type="search"
              data-testid="leak-transactions-filter"
              value={filter}
              onInput={(e) => {
                setFilter(e.currentTarget.value);
                setLimit(PAGE);
              }}
            />
          )}
        </Field>
      </div>
      <p class="muted" aria-live="polite" data-testid="leak-transactions-count">
        {needle ? `${matching.length} of ${props.transactions.length} transactions match.` : `${props.transactions.length} transactions, newest first.`}{' '}
        Showing {shown.length}.
      </p>
      {error && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <div class="scroll-box" tabIndex={0}>
        <table data-testid="leak-transactions">
          <caption class="visually-hidden">Transactions with their category</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Description</th>
              <th scope="col" class="num">
                Amount
              </th>
              <th scope="col">Category</th>
              <th scope="col">Your category</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((t) => {
              const guess = guesses?.[t.id];
              const inputId = `leak-category-${t.id}`;
              return (
                <tr key={t.id} data-testid={`leak-transaction-${t.id}`}>
                  <td>{dayText(isoDateOfTimestamp(t.at), locale)}</td>
                  <td>
                    {t.description}
                    {t.accountId && <div class="muted" style="font-size:0.8rem">{props.accountNames[t.accountId] ?? t.accountId}</div>}
                  </td>
                  <td class={`num${t.amount.minor < 0 ? ' negative' : ''}`}>{formatMoney(t.amount, locale)}</td>
                  <td>
                    {guess?.category ?? t.category ?? <span class="muted">—</span>}
                    <div class="muted" style="font-size:0.8rem">{guessText(guess, rulePattern)}</div>
                  </td>
                  <td>
                    <label for={inputId} class="visually-hidden">
                      Your category for {t.description} on {dayText(isoDateOfTimestamp(t.at), locale)}
                    </label>
                    <input
                      // Re-created when the stored category changes, so it shows what is saved.
                      key={`${t.id}|${t.category ?? ''}`}
                      id={inputId}
                      type="text"
                      list="leak-category-names"
                      data-testid={`leak-category-${t.id}`}
                      defaultValue={t.category ?? ''}
                      placeholder="Set a category"
                      maxLength={100}
                      style="width:10rem"
                      onChange={(e) => void setCategory(t, e.currentTarget.value)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && <p class="muted">No transaction matches “{filter}”.</p>}
      {matching.length > shown.length && (
        <button type="button" data-testid="leak-transactions-more" onClick={() => setLimit((n) => n + PAGE)}>
          Show {Math.min(PAGE, matching.length - shown.length)} more
        </button>
      )}
    </div>
  );
}
