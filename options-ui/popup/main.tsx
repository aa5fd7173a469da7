import { render } from 'preact';
import { ToolbarPopup } from './ToolbarPopup';

/** Entry of the toolbar popup (`options-ui/popup.html`, the manifest's `action.default_popup`). */
const root = document.getElementById('popup');
if (root) render(<ToolbarPopup />, root);
