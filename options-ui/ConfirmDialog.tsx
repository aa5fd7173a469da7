import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  confirmLabel: string;
  children: ComponentChildren;
  onConfirm: () => void;
  onCancel: () => void;
}

/**
 * A modal question before something that cannot be undone, on the native `<dialog>`: focus is trapped
 * and Esc cancels. Focus starts on Cancel, the safe choice, and returns where it was afterwards.
 */
export function ConfirmDialog({ open, title, confirmLabel, children, onConfirm, onCancel }: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<Element | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      returnTo.current = document.activeElement;
      d.showModal();
      cancelRef.current?.focus();
    } else if (!open && d.open) {
      d.close();
    }
    if (!open && returnTo.current instanceof HTMLElement && returnTo.current.isConnected) returnTo.current.focus();
  }, [open]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      onCancel();
    };
    d.addEventListener('cancel', onCancelEvent);
    return () => d.removeEventListener('cancel', onCancelEvent);
  }, [onCancel]);
  return (
    <dialog ref={ref} class="dialog" aria-labelledby="confirm-title" data-testid="confirm-dialog">
      <h2 id="confirm-title" class="section-title">
        {title}
      </h2>
      {children}
      <div class="dialog-actions">
        <button type="button" class="btn btn-danger" onClick={onConfirm} data-testid="confirm-ok">
          {confirmLabel}
        </button>
        <button type="button" class="btn" ref={cancelRef} onClick={onCancel} data-testid="confirm-cancel">
          Cancel
        </button>
      </div>
    </dialog>
  );
}
