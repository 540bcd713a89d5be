/**
 * The popup's one line on recurring charges: what they cost a year and what
 * could be saved, linking to the Leaks view of the options page. Nothing is
 * shown while there is no yearly total (no transactions, nothing recurring,
 * still computing or an error: the options page explains those).
 */
import { browser } from 'wxt/browser';
import type { AppSettings } from '@/utils/db/schema';
import { useLeaks } from '@/components/useLeaks';
import { popupLeaksLine } from '@/entrypoints/options/leaksText';

const LEAKS_PAGE = '/options.html#leaks-heading';

export function PopupLeaks(props: { settings: AppSettings; locale: string }) {
  const { report } = useLeaks(props.settings);
  const line = popupLeaksLine(report, props.locale);
  if (!line) return null;
  const url = browser.runtime.getURL(LEAKS_PAGE);
  return (
    <p data-testid="popup-leaks-total" style="margin:0.5rem 0 0">
      <a
        href={url}
        target="_blank"
        onClick={(event) => {
          event.preventDefault();
          void browser.tabs.create({ url }).then(() => window.close());
        }}
      >
        {line.total}
      </a>
      {line.savings && (
        <>
          {' '}
          <span class="positive" data-testid="popup-leaks-savings">
            ({line.savings})
          </span>
        </>
      )}
    </p>
  );
}
