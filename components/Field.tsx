import type { ComponentChildren } from 'preact';

/**
 * A labelled form control with its error message next to it. The control is
 * passed as a render function that receives the ids and ARIA attributes to
 * spread on it, so inputs and selects get the same treatment.
 */
export function Field(props: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: (aria: {
    id: string;
    'aria-invalid': 'true' | 'false';
    'aria-describedby'?: string;
  }) => ComponentChildren;
}) {
  const errorId = `${props.id}-error`;
  const hintId = `${props.id}-hint`;
  const describedBy = [props.error ? errorId : '', props.hint ? hintId : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children({
        id: props.id,
        'aria-invalid': props.error ? 'true' : 'false',
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {props.hint && (
        <span id={hintId} class="muted" style="font-size:0.8rem">
          {props.hint}
        </span>
      )}
      {props.error && (
        <span id={errorId} class="field-error" role="alert">
          {props.error}
        </span>
      )}
    </div>
  );
}

/**
 * What became of a form's submission: an error that belongs to no single
 * field (announced at once), and the status line for success (announced politely).
 */
export function FormOutcome(props: { error?: string | undefined; status?: string }) {
  return (
    <>
      {props.error && (
        <p role="alert" class="form-error">
          {props.error}
        </p>
      )}
      {props.status !== undefined && (
        <p role="status" class="form-status">
          {props.status}
        </p>
      )}
    </>
  );
}
