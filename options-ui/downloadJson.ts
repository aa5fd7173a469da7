import { downloadText } from './downloadText';

/** Saves `value` as a pretty-printed JSON file. */
export function downloadJson(fileName: string, value: unknown): void {
  downloadText(fileName, `${JSON.stringify(value, null, 2)}\n`, 'application/json');
}
