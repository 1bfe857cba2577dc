/**
 * Reads a plan published as text (the shape of the Dorset Police & Crime Plan 2021–29, seed
 * 002) into a validated {@link PlanDocument}.
 *
 * How the text is read:
 * - A priority starts at a heading line followed (after blank lines) by "I will:". The overview
 *   repeats the priority titles, but not followed by "I will:", so those are the priority's aims.
 *   The number comes from "Priority N: …" in the heading or in the contents list (titles match
 *   across "&"/"and" and a bracketed acronym such as "(ASB)"), else from the order of the sections.
 * - Inside a priority, a line that is not a bullet and comes after a blank line is a theme
 *   heading when it is short and has no closing punctuation; otherwise it is a commitment whose
 *   dash was lost, as is an indented line after a blank line. A line right below a bullet
 *   continues that bullet. Bullets after a blank line with no new heading stay in the theme.
 * - A heading in capitals that is no priority ends the priorities part ("SUPPORT NATIONAL
 *   POLICING STRATEGIES", "BUDGET", …).
 * - A heading that names a cross-cutting section (see `cross-cutting.ts` for the words) starts
 *   it when the heading is in capitals, as the plan's other section headings are. A heading not
 *   in capitals starts one only when the paragraph right below it says "I will" and it names a
 *   section other than the one being read: so a priority's theme "Working with partners" (its
 *   bullets below) stays a theme, and a sub-heading inside a section stays in that section.
 * - In the cross-cutting sections, every sentence containing "I will" is a commitment,
 *   verbatim (see `iWillSentences`).
 * - The table "Measuring progress against the priorities" has tab-separated rows
 *   PRIORITY, OUTCOME, MEASURES; the measures cell is split into sentences.
 *
 * Which parts may hold commitments: the front matter (before the first priority: the foreword,
 * messages, the overview) speaks in the first person about the plan ("I will continue to work
 * tirelessly…") and the back matter (from the measures table on: budget, grants, appendices)
 * about how the office works, so neither is read for commitments. Between them, in the
 * commitments part, the parser does not drop what reads as a commitment: an "I will" sentence
 * under a heading that is neither a priority nor a cross-cutting section, or a theme heading
 * with bullets under a heading without "I will:", is a {@link PlanImportError} that names the
 * line and says which headings are read. So is that shape in the front matter when its heading
 * is listed as a priority in the contents or comes right before the first priority.
 */
import { PriorityNumberSchema } from '../model/primitives.js';
import { CROSS_CUTTING_SECTIONS, type CrossCuttingSection } from '../model/vocabulary.js';
import {
  ACCEPTED_CROSS_CUTTING_HEADINGS,
  CROSS_CUTTING_SECTION_TITLES,
  type CrossCuttingHeading,
  crossCuttingHeading,
  hasIWill,
  iWillSentences,
  subjectsOf,
} from './cross-cutting.js';
import { PlanImportError, type PlanImportErrorCode } from './plan-import-error.js';
import {
  type PlanDocument,
  type PlanDocumentCrossCutting,
  type PlanDocumentMeasures,
  type PlanDocumentPriority,
  PlanDocumentSchema,
} from './schema.js';
import {
  binaryStart,
  type Item,
  isIWill,
  normaliseText,
  type SourceLine,
  splitLines,
  toItems,
} from './text.js';
import { sameTitle } from './titles.js';

/** Options of {@link parsePlanText}. */
export interface ParsePlanTextOptions {
  /** Name of the file the text came from; error messages then start with it. */
  readonly sourceName?: string;
}

const MEASURES_HEADING = 'Measuring progress against the priorities';
const CONTENTS_ENTRY = /^priority\s+(\d{1,3})\s*[:.\-–—]\s*(.+)$/i;
const HEADING_MAX_LENGTH = 80;
/** PRIORITY, OUTCOME, MEASURES. */
const MEASURES_COLUMNS = 3;
const PRIORITY_SHAPE =
  'a priority is its heading, a line reading "I will:", then theme headings each with its bullets';

interface ThemeDraft {
  readonly title: string;
  readonly line: SourceLine;
  readonly commitments: string[];
}

interface PriorityDraft {
  readonly number: number;
  readonly title: string;
  readonly heading: string;
  readonly line: SourceLine;
  readonly themes: ThemeDraft[];
}

type Mode = 'outside' | 'priority' | 'crossCutting' | 'measures';

/** Where in the plan the reader is: see "Which parts may hold commitments" above. */
type Part = 'front' | 'commitments' | 'back';

/** A heading in capitals that starts a part of the plan the parser does not read. */
interface UnreadHeading {
  readonly text: string;
  readonly line: SourceLine;
  readonly names: CrossCuttingHeading;
}

/** A theme heading and bullets under a heading that no "I will:" follows. */
interface PriorityShape {
  readonly heading: UnreadHeading;
  readonly theme: { readonly text: string; readonly line: SourceLine };
}

/**
 * Turns plan text into a {@link PlanDocument}. Pure: no I/O.
 *
 * @param text - the whole plan as text (any line endings, with or without a byte-order mark)
 * @param options - see {@link ParsePlanTextOptions}
 * @throws {@link PlanImportError} when the text is not a readable plan; never anything else
 */
export function parsePlanText(text: string, options: ParsePlanTextOptions = {}): PlanDocument {
  const fail = (code: PlanImportErrorCode, line: number, reason: string): never => {
    throw new PlanImportError(code, line, reason, options.sourceName);
  };
  if (typeof text !== 'string') return fail('IMPORT_NOT_TEXT', 1, 'the plan must be given as text');

  const lines = splitLines(text);
  const firstLine = lines.find((line) => line.text !== '');
  if (!firstLine) {
    return fail('IMPORT_EMPTY_FILE', 1, 'the file is empty — give the text of a plan');
  }
  if (/^%PDF-/.test(firstLine.raw.trimStart())) {
    return fail(
      'IMPORT_NOT_TEXT',
      firstLine.number,
      'this is a PDF file, not its text — extract the text (for example with pdftotext) and import that',
    );
  }
  const binary = binaryStart(lines);
  if (binary) {
    return fail(
      'IMPORT_NOT_TEXT',
      binary.number,
      'this is binary data, not text (control characters, or bytes that are not UTF-8, starting at this line) — give the plan as plain text in UTF-8',
    );
  }
  const items = toItems(lines);
  const contents = contentsEntries(lines);
  // Known before reading, so that an overview's heading naming a priority is never taken for
  // a cross-cutting heading.
  const priorityHeadings = items
    .filter((item, index) => item.kind === 'plain' && isIWillItem(items[index + 1]))
    .map((item) => item.text);
  const namesPriority = (heading: string) =>
    contents.some((entry) => sameTitle(entry.title, heading)) ||
    priorityHeadings.some((priority) => sameTitle(priority, heading));

  const priorities: PriorityDraft[] = [];
  const overviews: { heading: string; aims: string[] }[] = [];
  const crossCutting = new Map<CrossCuttingSection, string[]>();
  const measureLines: SourceLine[] = [];

  // Where the reader is; the helpers below change it, so it is one object rather than locals.
  const state: {
    mode: Mode;
    part: Part;
    priority: PriorityDraft | null;
    theme: ThemeDraft | null;
    overview: { heading: string; aims: string[] } | null;
    section: CrossCuttingSection | null;
    paragraphs: string[];
    unread: UnreadHeading | null;
    shape: PriorityShape | null;
  } = {
    mode: 'outside',
    part: 'front',
    priority: null,
    theme: null,
    overview: null,
    section: null,
    paragraphs: [],
    unread: null,
    shape: null,
  };

  const closeTheme = () => {
    const { theme } = state;
    if (theme && theme.commitments.length === 0) {
      fail(
        'IMPORT_THEME_WITHOUT_COMMITMENTS',
        theme.line.number,
        `theme ${quote(theme.title)} has no commitments — a theme heading is followed by its bullets: add them below it or remove the heading (if it is a bullet whose dash was lost, put "- " back before it; if it starts a priority, add a line reading "I will:" below it)`,
      );
    }
    state.theme = null;
  };
  const closePriority = () => {
    closeTheme();
    const { priority } = state;
    if (priority && priority.themes.length === 0) {
      fail(
        'IMPORT_PRIORITY_WITHOUT_COMMITMENTS',
        priority.line.number,
        `priority ${priority.number} (${quote(priority.heading)}) has no commitments — add a theme heading and its bullets after "I will:"`,
      );
    }
    state.priority = null;
  };
  const leave = (next: Mode) => {
    closePriority();
    state.overview = null;
    state.section = null;
    state.unread = null;
    state.mode = next;
  };

  /** The section a heading starts, by the rule in this module's comment; null if none. */
  const startedSection = (item: Item, next: Item | undefined): CrossCuttingSection | null => {
    if (item.kind !== 'plain' || !looksLikeHeading(item.text) || namesPriority(item.text)) {
      return null;
    }
    const named = crossCuttingHeading(item.text);
    if (!named || !('section' in named)) return null;
    if (isMajorHeading(item)) return named.section;
    const another = state.mode !== 'crossCutting' || state.section !== named.section;
    return another && next !== undefined && !isIWillItem(next) && hasIWill(next.text)
      ? named.section
      : null;
  };

  const priorityWithoutIWill = (shape: PriorityShape): never =>
    fail(
      'IMPORT_PRIORITY_WITHOUT_I_WILL',
      shape.heading.line.number,
      `${quote(shape.heading.text)} reads as a priority — a theme heading (${quote(shape.theme.text)}, line ${shape.theme.line.number}) and bullets follow it — but no line reading "I will:" does: ${PRIORITY_SHAPE}, so add "I will:" on its own line below the heading`,
    );

  /** Checks an item of a part the parser does not read; see "Which parts may hold commitments". */
  const checkUnread = (item: Item, previous: Item | undefined) => {
    const { unread } = state;
    if (state.part === 'back' || !unread) return;
    if (state.part === 'commitments' && hasIWill(item.text)) {
      const why =
        unread.names && 'ambiguous' in unread.names
          ? `which names more than one cross-cutting section (${subjectsOf(unread.names.ambiguous)}) — retitle it so that it names one`
          : `which is neither a priority nor a cross-cutting section — outside the priorities, "I will" sentences are read only under ${ACCEPTED_CROSS_CUTTING_HEADINGS}; retitle the heading so that it names one, or add a line reading "I will:" below it if it is a priority (text before the first priority and after the table "${MEASURES_HEADING}" is not read for commitments)`;
      fail(
        'IMPORT_UNKNOWN_SECTION',
        iWillLine(item),
        `${quote(firstIWill(item))} is a commitment under the heading ${quote(unread.text)} (line ${unread.line.number}), ${why}`,
      );
    }
    const themeLine = previous?.lines[0];
    if (
      item.kind !== 'bullet' ||
      previous?.kind !== 'plain' ||
      !themeLine ||
      !looksLikeHeading(previous.text) ||
      isMajorHeading(previous)
    ) {
      return;
    }
    const shape = { heading: unread, theme: { text: previous.text, line: themeLine } };
    if (state.part === 'commitments' || namesPriority(unread.text)) priorityWithoutIWill(shape);
    // In the front matter, only the section right before the first priority is suspect: a
    // foreword may list things under a short heading, but a priority lacking "I will:" sits
    // where the priorities start. The check is made when the first priority is found.
    if (state.shape?.heading !== unread) state.shape = shape;
  };

  for (const [index, item] of items.entries()) {
    const first = item.lines[0] ?? firstLine;
    const next = items[index + 1];
    if (item.kind === 'plain') {
      if (isIWill(item.text)) continue;
      if (isIWillItem(next)) {
        if (state.part === 'front' && state.shape && state.shape.heading === state.unread) {
          priorityWithoutIWill(state.shape);
        }
        leave('priority');
        if (state.part === 'front') state.part = 'commitments';
        const { number, title, listed } = priorityNumber(
          item.text,
          contents,
          priorities.length + 1,
        );
        if (!PriorityNumberSchema.safeParse(number).success) {
          fail(
            'IMPORT_INVALID_DOCUMENT',
            first.number,
            listed
              ? `priority ${quote(item.text)} is number ${number}, but a plan's priorities are numbered 1 to 6 — check the "Priority N:" lines`
              : `${quote(item.text)} would be priority ${number}, but a plan has at most six priorities — a heading followed by "I will:" starts a priority, so check that this one is meant to`,
          );
        }
        const earlier = priorities.find((other) => other.number === number);
        if (earlier) {
          fail(
            'IMPORT_DUPLICATE_PRIORITY_NUMBER',
            first.number,
            `priority number ${number} is used twice: by ${quote(item.text)} and by ${quote(earlier.heading)} at line ${earlier.line.number} — give each priority its own number`,
          );
        }
        state.priority = { number, title, heading: item.text, line: first, themes: [] };
        priorities.push(state.priority);
        continue;
      }
      const section = startedSection(item, next);
      if (section) {
        leave('crossCutting');
        state.section = section;
        state.paragraphs = crossCutting.get(section) ?? [];
        crossCutting.set(section, state.paragraphs);
        continue;
      }
      if (sameTitle(item.text, MEASURES_HEADING)) {
        leave('measures');
        if (state.part === 'commitments') state.part = 'back';
        continue;
      }
      if (isMajorHeading(item)) {
        // A heading in capitals that is none of the above: the overview of a priority (whose
        // paragraphs are its aims) or a part of the plan the importer does not read.
        leave('outside');
        state.overview = { heading: item.text, aims: [] };
        overviews.push(state.overview);
        state.unread = { text: item.text, line: first, names: crossCuttingHeading(item.text) };
        continue;
      }
    }

    switch (state.mode) {
      case 'outside':
        if (state.overview && item.kind === 'plain') {
          if (/^see page\b/i.test(item.text)) state.overview = null;
          else state.overview.aims.push(item.text);
        }
        checkUnread(item, items[index - 1]);
        break;
      case 'priority':
        if (!state.priority) break;
        if (item.kind === 'plain' && looksLikeHeading(item.text)) {
          closeTheme();
          state.theme = { title: item.text, line: first, commitments: [] };
          state.priority.themes.push(state.theme);
        } else if (!state.theme) {
          fail(
            'IMPORT_BULLET_OUTSIDE_THEME',
            first.number,
            `${item.kind === 'bullet' ? 'bullet' : 'text'} outside any theme (${quote(first.text)}) — add a theme heading above it`,
          );
        } else if (item.kind === 'plain' && hasIWill(item.text)) {
          // A priority's commitments follow its "I will:" and do not repeat it: a paragraph
          // saying "I will" belongs to a section whose heading was not read as one.
          fail(
            'IMPORT_I_WILL_IN_PRIORITY',
            iWillLine(item),
            `${quote(firstIWill(item))} is in a paragraph under theme ${quote(state.theme.title)} of priority ${state.priority.number}, but a priority's commitments are the bullets after its "I will:" — if a section outside the priorities starts above it, give that section ${ACCEPTED_CROSS_CUTTING_HEADINGS}, in capitals; if it is a commitment of this theme, make it a bullet`,
          );
        } else {
          state.theme.commitments.push(item.text);
        }
        break;
      case 'crossCutting':
        state.paragraphs.push(item.text);
        break;
      case 'measures':
        measureLines.push(...item.lines);
        break;
    }
  }
  leave('outside');

  if (priorities.length === 0) {
    return fail(
      'IMPORT_NO_PRIORITIES',
      firstLine.number,
      items.length === 1 && firstLine.text.length <= HEADING_MAX_LENGTH
        ? `the text holds only its title (${quote(firstLine.text)}) — the plan's priorities follow the title: ${PRIORITY_SHAPE}`
        : `no priorities found — ${PRIORITY_SHAPE}`,
    );
  }

  const document: PlanDocument = {
    title: planTitle(items[0], firstLine),
    priorities: priorities.map(
      (draft): PlanDocumentPriority => ({
        number: draft.number,
        title: draft.title,
        heading: draft.heading,
        aims:
          overviews.find(
            (o) =>
              o.aims.length > 0 &&
              (sameTitle(o.heading, draft.heading) || sameTitle(o.heading, draft.title)),
          )?.aims ?? [],
        themes: draft.themes.map((t, themeIndex) => ({
          position: themeIndex + 1,
          title: t.title,
          commitments: t.commitments.map((commitmentText, commitmentIndex) => ({
            code: `${draft.number}.${themeIndex + 1}.${commitmentIndex + 1}`,
            text: commitmentText,
          })),
        })),
      }),
    ),
    crossCutting: crossCuttingCommitments(crossCutting),
    measures: measuresRows(measureLines, priorities, fail),
  };

  const checked = PlanDocumentSchema.safeParse(document);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    return fail(
      'IMPORT_INVALID_DOCUMENT',
      1,
      `the plan read from the text is not valid: ${issue?.message ?? 'unknown problem'} (at ${issue?.path.join('.') ?? 'the top'})`,
    );
  }
  return checked.data;
}

/** The first line, and the lines right below it that continue it in capitals (a wrapped title). */
function planTitle(first: Item | undefined, firstLine: SourceLine): string {
  const lines = first?.kind === 'plain' && first.lines[0] === firstLine ? first.lines : [];
  const wrapped = lines.every((line) => line.text === line.text.toUpperCase());
  return wrapped && lines.length > 1 ? lines.map((line) => line.text).join(' ') : firstLine.text;
}

/** The line of an item where its first "I will" is (a wrapped paragraph spans several). */
function iWillLine(item: Item): number {
  const line = item.lines.find((l) => hasIWill(l.text)) ?? item.lines[0];
  return line?.number ?? 1;
}

/** The first "I will" sentence of an item, for a message. */
function firstIWill(item: Item): string {
  return iWillSentences([item.text])[0] ?? item.text;
}

function isIWillItem(item: Item | undefined): boolean {
  return item?.kind === 'plain' && isIWill(item.text);
}

function crossCuttingCommitments(
  sections: ReadonlyMap<CrossCuttingSection, readonly string[]>,
): PlanDocumentCrossCutting[] {
  const result: PlanDocumentCrossCutting[] = [];
  CROSS_CUTTING_SECTIONS.forEach((section, sectionIndex) => {
    const paragraphs = sections.get(section);
    if (!paragraphs) return;
    result.push({
      section,
      title: CROSS_CUTTING_SECTION_TITLES[section],
      commitments: iWillSentences(paragraphs).map((sentence, position) => ({
        code: `X.${sectionIndex + 1}.${position + 1}`,
        text: sentence,
      })),
    });
  });
  return result;
}

/** "Priority N: Title" lines anywhere in the text, e.g. the contents list. */
function contentsEntries(lines: readonly SourceLine[]): { number: number; title: string }[] {
  const entries: { number: number; title: string }[] = [];
  for (const line of lines) {
    const firstCell = normaliseText(line.raw.split('\t')[0] ?? '');
    const match = CONTENTS_ENTRY.exec(firstCell);
    const title = match?.[2]?.replace(/\s+\d+$/, '').trim();
    if (match && title) entries.push({ number: Number(match[1]), title });
  }
  return entries;
}

/** The priority's number and title; `listed` when they come from "Priority N: …" lines. */
function priorityNumber(
  heading: string,
  contents: readonly { number: number; title: string }[],
  ordinal: number,
): { number: number; title: string; listed: boolean } {
  const explicit = CONTENTS_ENTRY.exec(heading);
  if (explicit?.[2]) return { number: Number(explicit[1]), title: explicit[2], listed: true };
  const entry = contents.find((e) => sameTitle(e.title, heading));
  if (entry) return { ...entry, listed: true };
  return { number: ordinal, title: heading, listed: false };
}

/** A heading in capitals with at least six letters ("BUDGET"; not "VAWG", a theme). */
function isMajorHeading(item: Item): boolean {
  if (item.kind !== 'plain' || item.lines[0]?.raw.includes('\t')) return false;
  const letters = item.text.replace(/[^\p{L}]/gu, '');
  return (
    letters.length >= 6 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
  );
}

/** Short, starting with a capital or digit, not ending like a sentence. */
function looksLikeHeading(text: string): boolean {
  return (
    text.length <= HEADING_MAX_LENGTH && /^[\p{Lu}\p{N}]/u.test(text) && !/[.;:,!?]$/.test(text)
  );
}

function measuresRows(
  lines: readonly SourceLine[],
  priorities: readonly PriorityDraft[],
  fail: (code: PlanImportErrorCode, line: number, reason: string) => never,
): PlanDocumentMeasures[] {
  const rows: { priority: PriorityDraft; title: string; lines: SourceLine[] }[] = [];
  let row: (typeof rows)[number] | null = null;
  // Lines without a tab since the last line with one: the rest of a wrapped cell.
  let loose: SourceLine[] = [];
  for (const line of lines) {
    const cells = line.raw.split('\t');
    const firstCell = normaliseText(cells[0] ?? '');
    if (cells.length === 1) {
      loose.push(line);
      row?.lines.push(line);
      continue;
    }
    if (/^priority$/i.test(firstCell)) {
      row = null; // the table's header, printed again on each page
      loose = [];
      continue;
    }
    const named = firstCell === '' ? null : rowStart(loose, line, priorities);
    loose = [];
    if (named) {
      row?.lines.splice(row.lines.length - (named.lines.length - 1));
      row = { priority: named.priority, title: named.title, lines: [...named.lines] };
      rows.push(row);
    } else if (
      row &&
      (firstCell === '' || filledCells([...row.lines, line]).length <= MEASURES_COLUMNS)
    ) {
      row.lines.push(line); // a row wrapped onto the next line
    } else if (firstCell !== '') {
      // Not a wrapped row either: it would give the row above more cells than the table has.
      fail(
        'IMPORT_UNKNOWN_MEASURES_PRIORITY',
        line.number,
        `the measures row ${quote(firstCell)} names no priority of this plan — start the row with the number or the title of one of its priorities (${priorities.map((p) => p.number).join(', ')})`,
      );
    }
  }

  const measured = new Map<number, SourceLine>();
  return rows.map(({ priority, title, lines: rowLines }) => {
    const start = rowLines[0] as SourceLine;
    const cells = filledCells(rowLines);
    const outcome = cells[1];
    const measures = splitMeasures(cells.slice(2).join(' '));
    if (!outcome || measures.length === 0) {
      fail(
        'IMPORT_MALFORMED_MEASURES_ROW',
        start.number,
        `the measures row for priority ${priority.number} needs three tab-separated cells: priority, outcome and measures`,
      );
    }
    const earlier = measured.get(priority.number);
    if (earlier) {
      fail(
        'IMPORT_DUPLICATE_MEASURES_ROW',
        start.number,
        `priority ${priority.number} already has a measures row at line ${earlier.number} — keep one row per priority`,
      );
    }
    measured.set(priority.number, start);
    return {
      priorityNumber: priority.number,
      priorityTitle: title,
      outcome: outcome ?? '',
      measures,
    };
  });
}

/**
 * The row a line with tabs starts, if its first cell names a priority, alone or after the
 * lines without a tab above it: a priority cell wrapped by the PDF's table ("MAKE POLICING
 * MORE" / "VISIBLE AND CONNECTED⇥To increase…"). The row's `lines` are those wrapped lines
 * and this one.
 */
function rowStart(
  loose: readonly SourceLine[],
  line: SourceLine,
  priorities: readonly PriorityDraft[],
): { priority: PriorityDraft; title: string; lines: readonly SourceLine[] } | null {
  const firstCell = line.raw.split('\t')[0] ?? '';
  for (let k = 0; k <= loose.length; k++) {
    const above = loose.slice(loose.length - k);
    const named = measuredPriority(
      normaliseText([...above.map((l) => l.raw), firstCell].join(' ')),
      priorities,
    );
    if (named) return { ...named, lines: [...above, line] };
  }
  return null;
}

/** The cells of a row that are not empty, its lines joined as one. */
function filledCells(rowLines: readonly SourceLine[]): string[] {
  return rowLines
    .map((line) => line.raw)
    .join(' ')
    .split('\t')
    .map(normaliseText)
    .filter((cell) => cell !== '');
}

function measuredPriority(
  cell: string,
  priorities: readonly PriorityDraft[],
): { priority: PriorityDraft; title: string } | null {
  const numbered = /^(\d{1,3})\s*[.:)]?\s+(.+)$/.exec(cell);
  const title = numbered?.[2] ?? cell;
  const byNumber = numbered ? priorities.find((p) => p.number === Number(numbered[1])) : undefined;
  const priority =
    byNumber ?? priorities.find((p) => sameTitle(title, p.heading) || sameTitle(title, p.title));
  return priority ? { priority, title } : null;
}

/** "Total crime.Total ASB incidents." → ["Total crime", "Total ASB incidents"]. */
function splitMeasures(cell: string): string[] {
  return cell
    .split(/(?<=\.)\s*(?=\p{Lu})/u)
    .map((measure) => measure.trim().replace(/\.$/, '').trim())
    .filter((measure) => measure !== '');
}

function quote(text: string): string {
  const short = text.length > 60 ? `${text.slice(0, 59)}…` : text;
  return `"${short}"`;
}
