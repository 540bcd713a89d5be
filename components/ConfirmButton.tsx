import { useEffect, useRef, useState } from 'preact/hooks';

/**
 * A destructive action that asks first, in place: the button turns into the
 * question with "confirm" and "Cancel". Keyboard focus moves to Cancel so a
 * stray Enter does not destroy anything.
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void | Promise<void>;
}) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);
  if (!asking) {
    return (
      <button type="button" class="danger" onClick={() => setAsking(true)}>
        {props.label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={props.question} style="display:inline-flex;gap:0.4rem;align-items:center;flex-wrap:wrap">
      <span>{props.question}</span>
      <button
        type="button"
        class="danger"
        onClick={async () => {
          setAsking(false);
          await props.onConfirm();
        }}
      >
        {props.confirmLabel}
      </button>
      <button type="button" ref={cancel} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}
