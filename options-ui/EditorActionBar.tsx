interface EditorActionBarProps {
  saving: boolean;
  isNew: boolean;
  /** "Create flow". */
  createLabel: string;
  dirty: boolean;
  saveTestId: string;
  onCancel: () => void;
}

/** Save (or create) and cancel at the foot of an editor, with whether there are unsaved changes. */
export function EditorActionBar({ saving, isNew, createLabel, dirty, saveTestId, onCancel }: EditorActionBarProps) {
  return (
    <div class="actionbar">
      <button type="submit" class="btn btn-primary" disabled={saving} data-testid={saveTestId}>
        {saving ? 'Saving…' : isNew ? createLabel : 'Save changes'}
      </button>
      <button type="button" class="btn" onClick={onCancel} data-testid="cancel-edit">
        Cancel
      </button>
      <span class="muted" aria-live="polite">
        {dirty ? 'Unsaved changes' : isNew ? '' : 'No unsaved changes'}
      </span>
    </div>
  );
}
