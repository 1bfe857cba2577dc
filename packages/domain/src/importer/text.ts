/**
 * The plan text as lines and items. Text extracted from a PDF wraps long bullets, loses some
 * dashes and mixes line endings; this module undoes that so the parser sees whole bullets and
 * whole paragraphs, each tagged with the line it starts on.
 */

/** One line of the input, numbered from 1 as an editor numbers it. */
export interface SourceLine {
  readonly number: number;
  /** The line as written (without its line ending). */
  readonly raw: string;
  /** The line with whitespace normalised: see {@link normaliseText}. */
  readonly text: string;
}

/**
 * A bullet, or a run of non-bullet lines (a heading or a paragraph), with its wrapped
 * continuation lines joined on.
 */
export interface Item {
  readonly kind: 'bullet' | 'plain';
  /** Normalised text, continuation lines joined with single spaces, bullet marker removed. */
  readonly text: string;
  /** The lines the item spans; the first is where it starts. */
  readonly lines: readonly SourceLine[];
}

// Control characters (other than line breaks, split earlier) and zero-width characters that
// PDF extraction leaves behind; all read as spaces.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200d\u2060]/g;

/**
 * Collapses every run of whitespace (tabs, no-break and other Unicode spaces, stray control
 * characters) to one space and trims the ends. Spelling is never touched.
 */
export function normaliseText(text: string): string {
  return text.replace(INVISIBLE, ' ').replace(/\s+/g, ' ').trim();
}

/** Splits text on CRLF, CR or LF, after dropping a leading byte-order mark. */
export function splitLines(text: string): SourceLine[] {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  return body
    .split(/\r\n|\r|\n/)
    .map((raw, index) => ({ number: index + 1, raw, text: normaliseText(raw) }));
}

// What is in a binary file but in no text: control characters other than tab, the line
// breaks, vertical tab and form feed; U+FFFD, which a UTF-8 decoder puts where bytes were not
// text; lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point.
const BINARY = /[\u0000-\u0008\u000e-\u001f\ufffd]|\p{Cs}/u;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above, counting them.
const BINARY_ALL = /[\u0000-\u0008\u000e-\u001f\ufffd]|\p{Cs}/gu;

/**
 * The first line holding binary content, when the input is binary rather than text: one
 * character in twenty (of those that are not white space) or more is binary. Text extracted
 * from a PDF has the odd stray control character, which reads as a space, so a few do not count.
 */
export function binaryStart(lines: readonly SourceLine[]): SourceLine | null {
  let binary = 0;
  let visible = 0;
  for (const line of lines) {
    binary += line.raw.match(BINARY_ALL)?.length ?? 0;
    visible += line.raw.replace(/\s+/g, '').length;
  }
  if (binary === 0 || binary * 20 < visible) return null;
  return lines.find((line) => BINARY.test(line.raw)) ?? null;
}

// "-", "–", "—" and "*" need a space after them ("-5%" is not a bullet); "•" and its kin do not.
const BULLET = /^\s*(?:[-–—*](?=\s)|[•·▪‣●◦])/u;

function spaced(line: SourceLine): string {
  return line.raw.replace(INVISIBLE, ' ');
}

/** True when the line starts with a bullet marker. */
export function isBulletLine(line: SourceLine): boolean {
  return BULLET.test(spaced(line));
}

/** True when the line starts with whitespace before its text (a bullet that lost its dash). */
function isIndented(line: SourceLine): boolean {
  return /^\s/.test(spaced(line));
}

function withoutMarker(line: SourceLine): string {
  return normaliseText(spaced(line).replace(BULLET, ''));
}

/** True for the line that opens a priority's list: "I will:" (any case, colon optional). */
export function isIWill(text: string): boolean {
  return /^i will\s*:?$/i.test(text);
}

/**
 * Groups lines into items. A bullet starts an item; so does the first line after a blank line
 * (an indented one is a bullet whose dash was lost, otherwise a heading or paragraph). Any other
 * line continues the item above it: that is how a wrapped bullet or a reflowed paragraph reads.
 * "I will:" is always an item of its own.
 */
export function toItems(lines: readonly SourceLine[]): Item[] {
  const items: Item[] = [];
  let open: { kind: Item['kind']; parts: string[]; lines: SourceLine[] } | null = null;
  const close = () => {
    if (open) items.push({ kind: open.kind, text: open.parts.join(' '), lines: open.lines });
    open = null;
  };
  for (const line of lines) {
    if (line.text === '') {
      close();
    } else if (isBulletLine(line)) {
      close();
      const text = withoutMarker(line);
      // A marker with nothing after it ends the item above and starts nothing.
      if (text !== '') open = { kind: 'bullet', parts: [text], lines: [line] };
    } else if (isIWill(line.text)) {
      close();
      items.push({ kind: 'plain', text: line.text, lines: [line] });
    } else if (open) {
      open.parts.push(line.text);
      open.lines.push(line);
    } else {
      open = { kind: isIndented(line) ? 'bullet' : 'plain', parts: [line.text], lines: [line] };
    }
  }
  close();
  return items;
}
