/**
 * What is typed into an update form is kept in the browser tab (session storage) until it is
 * saved or cancelled, so an ended session or a reload loses nothing.
 */
import type { UpdateDraft } from './update-form.js';

const PREFIX = 'plan-tracker:update-draft:';

export function loadDraft(key: string): UpdateDraft | null {
  try {
    const text = sessionStorage.getItem(PREFIX + key);
    return text ? (JSON.parse(text) as UpdateDraft) : null;
  } catch {
    return null;
  }
}

export function keepDraft(key: string, draft: UpdateDraft): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
}

export function forgetDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}
