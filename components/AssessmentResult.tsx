/**
 * The layer assessment's result, shared by the extension's options page and
 * the static site: the layer to build next with its reasons, the first
 * steps, and the stage per layer with why.
 *
 * Rules: it only shows what utils/analytics/assessment.ts computed (no rule
 * lives here); the engine's sentences are rendered as text. The test ids are
 * the end-to-end contract: assessment-result, assessment-next and
 * assessment-stage-<layer> (a table row whose first cell carries data-stage).
 * The stage table scrolls inside its own box on a narrow screen.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { LAYERS } from '@/utils/db/schema';
import type { AssessmentResult } from '@/utils/analytics/plan-types';
import { LAYER_LABELS } from '@/utils/labels';
import { STAGE_LABELS } from '@/entrypoints/options/PlanFormat';

/** The id of the result's heading (the site moves focus to it). */
export const ASSESSMENT_RESULT_HEADING_ID = 'assessment-result-heading';

export function AssessmentResultView(props: {
  result: AssessmentResult;
  /** The heading's level where the result sits: 4 under the options page's h3, 2 on the site page. */
  headingLevel: 2 | 4;
  /** Move focus to the heading whenever a new result is shown (the site: the person just submitted). */
  focusOnShow?: boolean;
  /** Announce changes politely (the options page, where the worker delivers the result later). */
  live?: boolean;
  busy?: boolean;
  /** What follows the stage table (when the answers were given; what to do first and where to go). */
  children?: ComponentChildren;
}) {
  const { result } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (props.focusOnShow) headingRef.current?.focus();
  }, [result, props.focusOnShow]);

  const Heading = props.headingLevel === 2 ? 'h2' : 'h4';
  return (
    <div
      data-testid="assessment-result"
      {...(props.live ? { 'aria-live': 'polite' as const } : {})}
      {...(props.busy !== undefined ? { 'aria-busy': props.busy ? ('true' as const) : ('false' as const) } : {})}
    >
      <Heading ref={headingRef} id={ASSESSMENT_RESULT_HEADING_ID} tabIndex={-1} style="margin-bottom:0.25rem">
        Next: build <span data-testid="assessment-next">{LAYER_LABELS[result.next]}</span>
      </Heading>
      {result.reasons.length > 0 && (
        <ul style="margin:0.25rem 0">
          {result.reasons.map((reason) => (
            <li>{reason}</li>
          ))}
        </ul>
      )}
      {result.firstSteps.length > 0 && (
        <>
          <p style="margin:0.5rem 0 0.25rem;font-weight:600">First steps</p>
          <ol style="margin:0">
            {result.firstSteps.map((step) => (
              <li>{step}</li>
            ))}
          </ol>
        </>
      )}
      <div class="scroll-box" tabIndex={0}>
        <table aria-label="Where you stand on each layer" style="margin-top:0.5rem">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Stage</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {LAYERS.map((layer) => {
              const placement = result.placements[layer];
              return (
                <tr data-testid={`assessment-stage-${layer}`}>
                  <th scope="row">{LAYER_LABELS[layer]}</th>
                  <td data-stage={placement.stage}>{STAGE_LABELS[placement.stage]}</td>
                  <td>{placement.reasons.join(' ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.children}
    </div>
  );
}
