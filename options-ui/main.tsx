import { render } from 'preact';
import { App } from './App';

/** Entry of the options page (`options-ui/index.html`). */
const root = document.getElementById('app');
if (root) {
  root.replaceChildren();
  render(<App />, root);
}
