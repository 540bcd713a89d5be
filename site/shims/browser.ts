/**
 * The site's stand-in for `wxt/browser` (aliased in site/config.ts). A web
 * page has no extension API: sections shared with the options page that
 * offer browser notifications ask for the permission through this, and are
 * told no — the demo never shows a notification, badge or tab.
 */
const refused = async (_request?: unknown) => false;

export const browser = {
  permissions: {
    request: refused,
    contains: refused,
    remove: refused,
    getAll: async () => ({ origins: [] as string[], permissions: [] as string[] }),
  },
  // The toolbar badge the drift check sets: a web page has no toolbar button.
  action: {
    setBadgeText: async (_details: unknown) => undefined,
    setBadgeBackgroundColor: async (_details: unknown) => undefined,
    setTitle: async (_details: unknown) => undefined,
  },
  notifications: undefined,
  runtime: {
    getURL: (path: string) => path,
    getManifest: () => ({ manifest_version: 3, name: 'Strata demo', version: '0' }),
  },
};

export type Browser = typeof browser;
