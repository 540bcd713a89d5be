/**
 * The demo page's static part (pre-rendered): what the demo is and where its
 * data lives. site/demo/main.tsx mounts the live dashboard into #demo-app.
 */
export function DemoPage() {
  return (
    <div class="site-demo" data-testid="demo-page">
      <h1>Live demo</h1>
      <p>
        This is the Strata dashboard itself — the same components and the same analytics as the extension — running on three
        years of a made-up household: a couple with index funds, a savings account and two retirement accounts, a blog and a
        YouTube channel still finding their feet, a small paper-traded strategy with a few covered calls, a micro-SaaS with
        churn, and a card statement with a few forgotten subscriptions.
      </p>
      <p class="muted">
        The sample data is generated in your browser from a fixed seed and kept in this site’s IndexedDB, in your browser only.
        Nothing is sent anywhere. Change anything you like; “Reset demo” puts the household back.
      </p>
      <noscript>
        <p class="site-noscript">
          The live demo needs JavaScript: it generates the sample household and runs the analytics in your browser. Everything
          else on this site reads without it.
        </p>
      </noscript>
      <div id="demo-app" data-testid="demo-app"></div>
    </div>
  );
}
