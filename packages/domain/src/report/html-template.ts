/**
 * Escaping by default for the HTML renderer: text goes into markup only through the `html`
 * tag, which escapes every interpolated value unless it is already {@link SafeHtml}. Forgetting
 * to escape is then impossible; marking markup as safe is explicit.
 *
 * Hand-written on purpose. It is about forty lines that a reviewer can check in one sitting,
 * and the renderer only ever writes element content and double-quoted attribute values, where
 * escaping the five characters below is what OWASP asks for. The libraries that do more
 * (lit-html, JSX with a server renderer, a sanitiser such as DOMPurify) are built for a DOM or
 * bring a runtime the renderer does not need, and one that does only this (escape-html) would
 * still leave the tag to us; either would add a dependency to a published package that
 * otherwise has only zod.
 */

/** Markup that is already escaped and may be inserted as is. */
export class SafeHtml {
  /** @param value - escaped markup */
  constructor(readonly value: string) {}

  /** The markup. */
  toString(): string {
    return this.value;
  }
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes text for HTML element content and quoted attribute values.
 *
 * @param text - any text
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
}

/** What may be interpolated into {@link html}: text is escaped, arrays joined, nothing dropped. */
export type HtmlValue =
  | SafeHtml
  | string
  | number
  | null
  | undefined
  | false
  | readonly HtmlValue[];

function toMarkup(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(toMarkup).join('');
  return escapeHtml(String(value));
}

/**
 * Tagged template for markup: literal parts are kept, interpolated values escaped.
 *
 * @example
 * ```ts
 * html`<p>${userText}</p>`; // userText cannot inject markup
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += toMarkup(value) + (strings[i + 1] ?? '');
  });
  return new SafeHtml(out);
}
