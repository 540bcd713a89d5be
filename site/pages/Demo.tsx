/** PLACEHOLDER */
export function DemoPage() {
  return <h1>Demo</h1>;
}
