import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ALL_ADAPTERS, adapterById } from '@/utils/capture/adapters';
import { ACCOUNT_KINDS, INCOME_KINDS, LAYERS } from '@/utils/db/schema';

// The sixteen sites the capture issue names, by the host and page it gives.
const ISSUE_TABLE: [id: string, url: string][] = [
  ['fidelity', 'https://digital.fidelity.com/ftgw/digital/portfolio/summary'],
  ['vanguard', 'https://dashboard.web.vanguard.com/'],
  ['schwab', 'https://client.schwab.com/clientapps/accounts/summary'],
  ['betterment', 'https://app.betterment.com/summary'],
  ['wealthfront', 'https://www.wealthfront.com/overview'],
  ['fundrise', 'https://fundrise.com/dashboard'],
  ['robinhood', 'https://robinhood.com/'],
  ['interactive-brokers', 'https://portal.interactivebrokers.com/portal/'],
  ['alpaca', 'https://app.alpaca.markets/paper/dashboard/overview'],
  ['amazon-associates', 'https://affiliate-program.amazon.com/home'],
  ['google-adsense', 'https://adsense.google.com/adsense/u/0/pub-1234567890123456/home'],
  ['youtube-studio', 'https://studio.youtube.com/channel/UCabc123/analytics'],
  ['substack', 'https://myletter.substack.com/publish/stats'],
  ['stripe', 'https://dashboard.stripe.com/balance/overview'],
  ['gumroad', 'https://app.gumroad.com/dashboard'],
  ['lemon-squeezy', 'https://app.lemonsqueezy.com/dashboard'],
];

describe('the adapter registry', () => {
  it('lists every site of the issue once, with a unique id', () => {
    expect(ALL_ADAPTERS.map((a) => a.id).sort()).toEqual(ISSUE_TABLE.map(([id]) => id).sort());
    expect(new Set(ALL_ADAPTERS.map((a) => a.id)).size).toBe(ALL_ADAPTERS.length);
  });

  it.each(ISSUE_TABLE)('%s has two fixture pages and well-formed data', (id) => {
    const adapter = adapterById(id)!;
    expect(adapter).toBeDefined();
    expect(existsSync(`tests/fixtures/capture/${id}/a.html`)).toBe(true);
    expect(existsSync(`tests/fixtures/capture/${id}/b.html`)).toBe(true);
    expect(LAYERS).toContain(adapter.layer);
    expect(ACCOUNT_KINDS).toContain(adapter.accountKind);
    expect(adapter.currency).toMatch(/^[A-Z]{3}$/);
    expect(adapter.figures.length).toBeGreaterThan(0);
    const keys = adapter.figures.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const figure of adapter.figures) {
      expect(figure.labels.length).toBeGreaterThan(0);
      if (figure.incomeKind) expect(INCOME_KINDS).toContain(figure.incomeKind);
      if (figure.scope === 'account') expect(adapter.accounts).toBeDefined();
    }
    for (const host of adapter.hosts) expect(host).toMatch(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/);
  });
});
