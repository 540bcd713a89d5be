/**
 * The landing page's "Supported sites" section: every site adapter by layer
 * (name, hosts, the pages it reads, the figures it reads), the import formats
 * by kind, and the two ways to cover anything else (map a CSV's columns,
 * teach a page). Generated from landing-sites.ts, so it cannot fall behind
 * the registries. Static HTML: no script; each wide table scrolls inside its
 * own focusable box on a narrow screen.
 */
import { importFormatGroups, supportedSitesByLayer, type SupportedSite } from './landing-sites';

function Codes(props: { items: readonly string[] }) {
  return (
    <ul class="plain-list">
      {props.items.map((item) => (
        <li key={item}>
          <code>{item}</code>
        </li>
      ))}
    </ul>
  );
}

function SiteRow(props: { site: SupportedSite }) {
  const { site } = props;
  const wildcard = site.hosts.some((h) => h.startsWith('*.'));
  return (
    <tr data-testid={`supported-site-${site.id}`}>
      <th scope="row">{site.name}</th>
      <td>
        <Codes items={site.hosts} />
        {wildcard && <span class="muted small">* is your own name there</span>}
      </td>
      <td>
        <Codes items={site.paths} />
        {site.paperPaths.length > 0 && <span class="muted small">Paper-trading pages are kept apart as paper money.</span>}
      </td>
      <td>
        <ul class="plain-list">
          {site.figures.map((group) => (
            <li key={group.kind}>
              <strong>{group.words}</strong>: {group.labels.map((label) => `“${label}”`).join(', ')}
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}

export function SupportedSites() {
  const layers = supportedSitesByLayer();
  const formats = importFormatGroups();
  return (
    <section aria-labelledby="supported-heading" data-testid="supported-sites">
      <h2 id="supported-heading">Supported sites</h2>
      <p>
        Each site below has an adapter: a short description of which pages to read and which labels to look for. The
        figures column quotes the labels exactly as the site shows them. In a page address, <code>*</code> stands for one
        part (an account or channel number) and <code>**</code> for the rest; <code>/</code> is the site’s home page.
      </p>
      {layers.map((group) => {
        const headingId = `supported-${group.layer}`;
        return (
          <div key={group.layer} class="supported-layer" data-testid={`supported-layer-${group.layer}`}>
            <h3 id={headingId}>{group.heading}</h3>
            <div class="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
              <table>
                <thead>
                  <tr>
                    <th scope="col">Site</th>
                    <th scope="col">Host</th>
                    <th scope="col">Pages it reads</th>
                    <th scope="col">Figures it reads</th>
                  </tr>
                </thead>
                <tbody>
                  {group.sites.map((site) => (
                    <SiteRow key={site.id} site={site} />
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
      <h3 id="import-formats">Files you can import</h3>
      <p>
        Strata recognises these exports (CSV, and OFX/QFX statements) by their columns; in Options → Import you pick the
        file and check a preview before anything is saved.
      </p>
      <div class="format-groups" data-testid="import-formats">
        {formats.map((group) => (
          <div key={group.group}>
            <h4>{group.heading}</h4>
            <ul>
              {group.names.map((name) => (
                <li key={name}>{name}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <p>
        <strong>Anything else:</strong> a CSV in another layout can be imported by telling Strata once which column is
        the date, the description and the amount; it remembers that mapping for the next file with the same columns. And
        any other page can be taught: open it, choose “Teach this page” in Strata’s toolbar menu and click the number you
        want kept.
      </p>
    </section>
  );
}
