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
 * - In the three cross-cutting sections, every sentence containing "I will" is a commitment,
 *   verbatim, including any lead-in such as "Further, " or a clause before "and I will…".
 *   Sentences such as "My office will…" or "The OPCC will…" are not first-person commitments
 *   and are left out.
 * - The table "Measuring progress against the priorities" has tab-separated rows
 *   PRIORITY, OUTCOME, MEASURES; the measures cell is split into sentences.
 */
import { PriorityNumberSchema } from '../model/primitives.js';
import { CROSS_CUTTING_SECTIONS, type CrossCuttingSection } from '../model/vocabulary.js';
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

/** The cross-cutting sections' titles, keyed by section, in the order that numbers them. */
export const CROSS_CUTTING_SECTION_TITLES: Readonly<Record<CrossCuttingSection, string>> = {
  NATIONAL_STRATEGIES: 'Support national policing strategies',
  POLICE_AND_EMERGENCY_SERVICES: 'Collaborate with police and emergency services',
  PARTNERS: 'Work with partners',
};

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

interface Paragraph {
  readonly text: string;
}

type Mode = 'outside' | 'priority' | 'crossCutting' | 'measures';

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

  const priorities: PriorityDraft[] = [];
  const overviews: { heading: string; aims: string[] }[] = [];
  const crossCutting = new Map<CrossCuttingSection, Paragraph[]>();
  const measureLines: SourceLine[] = [];

  // Where the reader is; the helpers below change it, so it is one object rather than locals.
  const state: {
    mode: Mode;
    priority: PriorityDraft | null;
    theme: ThemeDraft | null;
    overview: { heading: string; aims: string[] } | null;
    paragraphs: Paragraph[];
  } = { mode: 'outside', priority: null, theme: null, overview: null, paragraphs: [] };

  const closeTheme = () => {
    const { theme } = state;
    if (theme && theme.commitments.length === 0) {
      fail(
        'IMPORT_THEME_WITHOUT_COMMITMENTS',
        theme.line.number,
        `theme ${quote(theme.title)} has no commitments — add its bullets below it or remove the heading`,
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
    state.mode = next;
  };

  for (const [index, item] of items.entries()) {
    const first = item.lines[0] ?? firstLine;
    if (item.kind === 'plain') {
      if (isIWill(item.text)) continue;
      const next = items[index + 1];
      if (next?.kind === 'plain' && isIWill(next.text)) {
        leave('priority');
        const { number, title } = priorityNumber(item.text, contents, priorities.length + 1);
        if (!PriorityNumberSchema.safeParse(number).success) {
          fail(
            'IMPORT_INVALID_DOCUMENT',
            first.number,
            `priority ${quote(item.text)} would be number ${number}, but a plan has priorities 1 to 6 — check the "Priority N:" lines of the contents`,
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
      const section = crossCuttingSection(item.text);
      if (section && (state.mode !== 'priority' || isMajorHeading(item))) {
        leave('crossCutting');
        state.paragraphs = crossCutting.get(section) ?? [];
        crossCutting.set(section, state.paragraphs);
        continue;
      }
      if (sameTitle(item.text, MEASURES_HEADING)) {
        leave('measures');
        continue;
      }
      if (isMajorHeading(item)) {
        // A heading in capitals that is none of the above: the overview of a priority (whose
        // paragraphs are its aims) or a part of the plan the importer does not read.
        leave('outside');
        state.overview = { heading: item.text, aims: [] };
        overviews.push(state.overview);
        continue;
      }
    }

    switch (state.mode) {
      case 'outside':
        if (state.overview && item.kind === 'plain') {
          if (/^see page\b/i.test(item.text)) state.overview = null;
          else state.overview.aims.push(item.text);
        }
        break;
      case 'priority':
        if (!state.priority) break;
        if (item.kind === 'plain' && looksLikeHeading(item.text)) {
          closeTheme();
          state.theme = { title: item.text, line: first, commitments: [] };
          state.priority.themes.push(state.theme);
        } else if (state.theme) {
          state.theme.commitments.push(item.text);
        } else {
          fail(
            'IMPORT_BULLET_OUTSIDE_THEME',
            first.number,
            `${item.kind === 'bullet' ? 'bullet' : 'text'} outside any theme (${quote(first.text)}) — add a theme heading above it`,
          );
        }
        break;
      case 'crossCutting':
        state.paragraphs.push({ text: item.text });
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

function priorityNumber(
  heading: string,
  contents: readonly { number: number; title: string }[],
  ordinal: number,
): { number: number; title: string } {
  const explicit = CONTENTS_ENTRY.exec(heading);
  if (explicit?.[2]) return { number: Number(explicit[1]), title: explicit[2] };
  const listed = contents.find((entry) => sameTitle(entry.title, heading));
  if (listed) return listed;
  return { number: ordinal, title: heading };
}

function crossCuttingSection(text: string): CrossCuttingSection | undefined {
  return CROSS_CUTTING_SECTIONS.find((section) =>
    sameTitle(text, CROSS_CUTTING_SECTION_TITLES[section]),
  );
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

const SENTENCE_END = /(?<=[.!?]['"”’)]?)\s+(?=['"“‘(]?\p{Lu})/u;

function crossCuttingCommitments(
  sections: ReadonlyMap<CrossCuttingSection, readonly Paragraph[]>,
): PlanDocumentCrossCutting[] {
  const result: PlanDocumentCrossCutting[] = [];
  CROSS_CUTTING_SECTIONS.forEach((section, sectionIndex) => {
    const paragraphs = sections.get(section);
    if (!paragraphs) return;
    const sentences = joinBrokenParagraphs(paragraphs.map((p) => p.text)).flatMap((paragraph) =>
      paragraph.split(SENTENCE_END),
    );
    result.push({
      section,
      title: CROSS_CUTTING_SECTION_TITLES[section],
      commitments: sentences
        .filter((sentence) => /\bI will\b/.test(sentence))
        .map((sentence, position) => ({
          code: `X.${sectionIndex + 1}.${position + 1}`,
          text: sentence,
        })),
    });
  });
  return result;
}

/** Rejoins a sentence that a stray blank line split ("… in the top ten" / "safest places …"). */
function joinBrokenParagraphs(paragraphs: readonly string[]): string[] {
  const joined: string[] = [];
  for (const paragraph of paragraphs) {
    const last = joined.at(-1);
    if (last !== undefined && !/[.!?:;'"”’)]$/.test(last) && /^\p{Ll}/u.test(paragraph)) {
      joined[joined.length - 1] = `${last} ${paragraph}`;
    } else {
      joined.push(paragraph);
    }
  }
  return joined;
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
