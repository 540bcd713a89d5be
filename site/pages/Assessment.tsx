/** PLACEHOLDER */
export function AssessmentPage() {
  return <h1>Assessment</h1>;
}
