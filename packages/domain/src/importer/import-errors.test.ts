/**
 * Damaged copies of the invented examples (examples/*.txt): each is a PlanImportError whose
 * message names the line at fault and says what was expected. Texts that are no plan at all
 * (empty, a title only, binary) are in parse-plan-text.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PlanImportError, type PlanImportErrorCode, parsePlanText } from './index.js';

const read = (name: string) => readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8');
const harbourshire = read('harbourshire-police-and-crime-plan.txt');
const fenmoor = read('fenmoor-district-council-corporate-plan.txt');

/** The text with line `number` (which must read `was`) replaced by `now` (no line, if null). */
function withLine(text: string, number: number, was: string, now: string | null): string {
  const lines = text.split('\n');
  expect(lines[number - 1], `line ${number}`).toBe(was);
  lines.splice(number - 1, 1, ...(now === null ? [] : [now]));
  return lines.join('\n');
}

function importError(text: string): PlanImportError {
  try {
    parsePlanText(text);
  } catch (error) {
    if (error instanceof PlanImportError) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError, but the text was imported');
}

/** Checks code and line, and returns the message without its "line N: " for the advice. */
function reasonFor(text: string, code: PlanImportErrorCode, line: number): string {
  const error = importError(text);
  expect({ code: error.code, line: error.line }).toEqual({ code, line });
  expect(error.message).toBe(`line ${line}: ${error.reason}`);
  return error.reason;
}

describe('parsePlanText on damaged copies of the invented plans', () => {
  it('names a theme heading with no bullets and says what a theme is', () => {
    let text = withLine(
      harbourshire,
      96,
      "- Work with the county's schools to spot children drawn into drug running.",
      '',
    );
    text = withLine(text, 97, '- Fund a youth worker in the custody suite at Portmere.', '');
    const reason = reasonFor(text, 'IMPORT_THEME_WITHOUT_COMMITMENTS', 94);
    expect(reason).toMatch(/^theme "Children at Risk" has no commitments — /);
    expect(reason).toContain('a theme heading is followed by its bullets');
    expect(reason).toContain('put "- " back before it');
  });

  it('names a bullet before any theme and asks for a heading above it', () => {
    const text = withLine(fenmoor, 13, 'Waste and Recycling', '');
    expect(reasonFor(text, 'IMPORT_BULLET_OUTSIDE_THEME', 15)).toBe(
      'bullet outside any theme ("- Collect food waste from every household by the end of 202…") — add a theme heading above it',
    );
  });

  it('names a priority heading between priorities that has no "I will:" below it', () => {
    const text = withLine(harbourshire, 106, 'I will:', '');
    const reason = reasonFor(text, 'IMPORT_PRIORITY_WITHOUT_I_WILL', 104);
    expect(reason).toBe(
      '"TACKLE RURAL AND COASTAL CRIME" reads as a priority — a theme heading ("Farm and Machinery Theft", line 108) and bullets follow it — but no line reading "I will:" does: a priority is its heading, a line reading "I will:", then theme headings each with its bullets, so add "I will:" on its own line below the heading',
    );
  });

  it('names the first priority without "I will:", whether the contents list it or not', () => {
    const listed = withLine(harbourshire, 64, 'I will:', '');
    expect(reasonFor(listed, 'IMPORT_PRIORITY_WITHOUT_I_WILL', 62)).toMatch(
      /^"SAFER STREETS AND TOWN CENTRES" reads as a priority .* add "I will:" on its own line below the heading$/,
    );
    // No contents list: the shape right before the first priority found gives it away.
    const unlisted = withLine(fenmoor, 11, 'I will:', '');
    expect(reasonFor(unlisted, 'IMPORT_PRIORITY_WITHOUT_I_WILL', 9)).toMatch(
      /^"A CLEANER, GREENER FENMOOR" reads as a priority — a theme heading \("Waste and Recycling", line 13\)/,
    );
  });

  it('names the last priority without "I will:"', () => {
    const text = withLine(fenmoor, 44, 'I will:', '');
    expect(reasonFor(text, 'IMPORT_PRIORITY_WITHOUT_I_WILL', 42)).toContain(
      '"A COUNCIL THAT LISTENS" reads as a priority',
    );
  });

  it('names a priority without "I will:" whose heading is not in capitals, by its empty theme', () => {
    let text = withLine(
      harbourshire,
      104,
      'TACKLE RURAL AND COASTAL CRIME',
      'Tackle rural and coastal crime',
    );
    text = withLine(text, 106, 'I will:', '');
    // Read as a theme of priority 2, followed at once by another heading.
    expect(reasonFor(text, 'IMPORT_THEME_WITHOUT_COMMITMENTS', 104)).toContain(
      'if it starts a priority, add a line reading "I will:" below it',
    );
  });

  it('names two priorities with the same number and both their lines', () => {
    const text = withLine(
      harbourshire,
      104,
      'TACKLE RURAL AND COASTAL CRIME',
      'PRIORITY 2: TACKLE RURAL AND COASTAL CRIME',
    );
    expect(reasonFor(text, 'IMPORT_DUPLICATE_PRIORITY_NUMBER', 104)).toBe(
      'priority number 2 is used twice: by "PRIORITY 2: TACKLE RURAL AND COASTAL CRIME" and by "PROTECT PEOPLE FROM HARM" at line 83 — give each priority its own number',
    );
  });

  it('names a seventh priority, since a plan has at most six', () => {
    const extra = [
      '',
      'A FIFTH PRIORITY',
      '',
      'I will:',
      '',
      'Theme',
      '',
      '- Act.',
      '',
      'A SIXTH PRIORITY',
      '',
      'I will:',
      '',
      'Theme',
      '',
      '- Act.',
      '',
      'A SEVENTH PRIORITY',
      '',
      'I will:',
      '',
      'Theme',
      '',
      '- Act.',
    ];
    const text = withLine(harbourshire, 134, '', extra.join('\n'));
    expect(reasonFor(text, 'IMPORT_INVALID_DOCUMENT', 151)).toBe(
      '"A SEVENTH PRIORITY" would be priority 7, but a plan has at most six priorities — a heading followed by "I will:" starts a priority, so check that this one is meant to',
    );
  });

  it('names a measures row that names no priority and lists the priorities it may name', () => {
    const text = withLine(
      harbourshire,
      167,
      'TACKLE RURAL AND COASTAL CRIME\tCrime against farms and harbours falls.\tRural crime.Thefts from harbours.',
      'FIGHT FIRES\tFewer fires.\tFires.',
    );
    expect(reasonFor(text, 'IMPORT_UNKNOWN_MEASURES_PRIORITY', 167)).toBe(
      'the measures row "FIGHT FIRES" names no priority of this plan — start the row with the number or the title of one of its priorities (1, 2, 3, 4)',
    );
  });

  it('names "I will" under a heading that names no cross-cutting section and lists those that do', () => {
    // Its sub-heading "Councils and Health Partners" would start the partners section itself.
    let text = withLine(harbourshire, 151, 'WORKING WITH OUR PARTNERS', 'BEYOND THE FORCE');
    text = withLine(text, 153, 'Councils and Health Partners', '');
    const reason = reasonFor(text, 'IMPORT_UNKNOWN_SECTION', 155);
    expect(reason).toMatch(
      /^"I will chair the county's community .*" is a commitment under the heading "BEYOND THE FORCE" \(line 151\), which is neither a priority nor a cross-cutting section/,
    );
    expect(reason).toContain(
      '"I will" sentences are read only under a heading that names national policing, the police and emergency services or partners, such as "Support national policing strategies", "Collaborate with police and emergency services", "Work with partners"; retitle the heading so that it names one',
    );
    expect(reason).toContain(
      'text before the first priority and after the table "Measuring progress against the priorities" is not read for commitments',
    );
  });

  it('names the line of the "I will" in a paragraph wrapped over several lines', () => {
    let text = withLine(
      harbourshire,
      141,
      'COLLABORATION WITH THE POLICE AND EMERGENCY SERVICES',
      'OTHER FORCES',
    );
    text = withLine(
      text,
      145,
      'The force shares its firearms and dog units with the force to the west. I will make sure that the arrangement still gives value for money. My office will publish its review.',
      'The force shares its firearms and dog units with the force\nto the west. I will make sure that the arrangement still gives\nvalue for money.',
    );
    const reason = reasonFor(text, 'IMPORT_UNKNOWN_SECTION', 146);
    expect(reason).toMatch(
      /^"I will make sure that the arrangement still gives value for…" is a commitment under the heading "OTHER FORCES" \(line 141\)/,
    );
  });

  it('names "I will" under a heading that names two cross-cutting sections', () => {
    const text = withLine(
      harbourshire,
      141,
      'COLLABORATION WITH THE POLICE AND EMERGENCY SERVICES',
      'NATIONAL POLICING AND EMERGENCY SERVICES',
    );
    expect(reasonFor(text, 'IMPORT_UNKNOWN_SECTION', 145)).toMatch(
      /under the heading "NATIONAL POLICING AND EMERGENCY SERVICES" \(line 141\), which names more than one cross-cutting section \(national policing and the police and emergency services\) — retitle it so that it names one$/,
    );
  });

  it('names an "I will" paragraph that would fall into the last priority', () => {
    // A heading in sentence case that names no section reads as a theme of priority 3.
    const text = withLine(fenmoor, 58, 'Supporting national policing', 'Beyond the district');
    expect(reasonFor(text, 'IMPORT_I_WILL_IN_PRIORITY', 60)).toMatch(
      /^"I will make sure that the council .*" is in a paragraph under theme "Beyond the district" of priority 3, but a priority's commitments are the bullets after its "I will:" — if a section outside the priorities starts above it, give that section a heading that names national policing, .*, in capitals; if it is a commitment of this theme, make it a bullet$/,
    );
  });

  it('keeps "I will" in the front matter and after the measures table out of the plan', () => {
    // The introduction (line 25) and the budget (line 172) say "I will"; neither is a section
    // of commitments, and neither is an error.
    const document = parsePlanText(harbourshire);
    const texts = document.crossCutting.flatMap((s) => s.commitments.map((c) => c.text));
    expect(texts.some((t) => /keep listening|set a budget/.test(t))).toBe(false);
  });
});
