import type { ComponentChildren } from 'preact';
import type { SitePageFile } from './registry';

/** PLACEHOLDER (landing helper writes the real one): skip link, header with navigation, main, footer. */
export function Layout(props: { current: SitePageFile; title: string; children: ComponentChildren }) {
  return (
    <>
      <main id="main">{props.children}</main>
    </>
  );
}
