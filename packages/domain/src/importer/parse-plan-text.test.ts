import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import {
  type PlanDocument,
  PlanDocumentSchema,
  PlanImportError,
  type PlanImportErrorCode,
  parsePlanText,
} from './index.js';

const seed = readFileSync(new URL('../dorset/source/plan-2021-29.txt', import.meta.url), 'utf8');
const expected = parsePlanText(seed);

function counts(document: PlanDocument) {
  const themes = document.priorities.flatMap((priority) => priority.themes);
  return {
    priorities: document.priorities.length,
    themes: themes.length,
    commitments: themes.reduce((sum, theme) => sum + theme.commitments.length, 0),
  };
}

function importError(text: string, sourceName?: string): PlanImportError {
  try {
    parsePlanText(text, sourceName ? { sourceName } : {});
  } catch (error) {
    if (error instanceof PlanImportError) return error;
    throw error;
  }
  throw new Error('expected a PlanImportError, but the text was imported');
}

function expectImportError(text: string, code: PlanImportErrorCode, line: number): PlanImportError {
  const error = importError(text);
  expect({ code: error.code, line: error.line }).toEqual({ code, line });
  expect(error.message).toMatch(new RegExp(`^line ${line}: `));
  return error;
}

/** Breaks every line longer than `width` at spaces, as a PDF extractor reflowing text does. */
function reflow(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .flatMap((line) => {
      const out: string[] = [];
      let rest = line;
      while (rest.length > width) {
        const cut = rest.lastIndexOf(' ', width);
        if (cut <= 0) break;
        out.push(rest.slice(0, cut));
        rest = indent + rest.slice(cut + 1);
      }
      out.push(rest);
      return out;
    })
    .join('\n');
}

const small = (body: string) =>
  ['A PLAN', '', 'Priority 1: Cut Crime', 'Priority 2: Fight Rural Crime', '', body].join('\n');

describe('parsePlanText on the Dorset plan (seed 002)', () => {
  it('finds 6 priorities, 29 themes and 156 commitments', () => {
    expect(counts(expected)).toEqual({ priorities: 6, themes: 29, commitments: 156 });
    expect(expected.priorities.map((p) => p.themes.map((t) => t.commitments.length))).toEqual([
      [9, 7, 5, 7, 5],
      [4, 7, 4],
      [7, 7, 6, 6, 7, 4, 2],
      [5, 4, 2, 3, 4],
      [8, 7, 5, 5, 7],
      [5, 7, 3, 4],
    ]);
  });

  it('numbers priorities from the contents and titles them as the contents does', () => {
    expect(expected.title).toBe('DORSET POLICE & CRIME PLAN 2021/29');
    expect(expected.priorities.map((p) => [p.number, p.title, p.heading])).toEqual([
      [1, 'Cut Crime and Anti-Social Behaviour (ASB)', 'CUT CRIME AND ANTI-SOCIAL BEHAVIOUR (ASB)'],
      [2, 'Make Policing More Visible and Connected', 'MAKE POLICING MORE VISIBLE AND CONNECTED'],
      [3, 'Fight Violent Crime and High Harm', 'FIGHT VIOLENT CRIME AND HIGH HARM'],
      [4, 'Fight Rural Crime', 'FIGHT RURAL CRIME'],
      [5, 'Put Victims and Communities First', 'PUT VICTIMS AND COMMUNITIES FIRST'],
      [6, 'Make Every Penny Count', 'MAKE EVERY PENNY COUNT'],
    ]);
  });

  it('takes the aims from the overview, not the detailed sections', () => {
    const aims = expected.priorities.map((p) => p.aims.length);
    expect(aims).toEqual([1, 2, 2, 2, 3, 2]);
    expect(expected.priorities[3]?.aims[0]).toBe(
      'To maintain the Rural Crime Team and ensure that they continue to work ever-more closely with the rural communities they serve.',
    );
  });

  it('keeps a bullet that lost its dash, after a heading or after a blank line', () => {
    const engagement = expected.priorities[1]?.themes[1];
    expect(engagement?.title).toBe('Engagement and Connectivity');
    expect(engagement?.commitments[0]?.text).toMatch(/^Build upon the Neighbourhood Engagement/);
    const addiction = expected.priorities[2]?.themes[0];
    expect(addiction?.commitments.at(-1)).toEqual({
      code: '3.1.7',
      text: "Continue to ensure that Dorset is best positioned to be innovative and collaborative in this space, with the PCC chairing the Dorset Combating Drugs Partnership and continuing as a lead for the Association of Police and Crime Commissioners' national addiction portfolio.",
    });
  });

  it('joins wrapped bullets with single spaces', () => {
    const codes = new Map(
      expected.priorities.flatMap((p) =>
        p.themes.flatMap((t) => t.commitments.map((c) => [c.code, c.text] as const)),
      ),
    );
    expect(codes.get('1.4.5')).toBe(
      'Support the Community Speed Watch scheme with a particular focus on rural areas. To include investment in new technology and equipment.',
    );
    expect(codes.get('5.3.5')).toBe(
      "Support schemes such as Right Care Right Person and the use of Community Sentence Treatment Requirements, and initiatives that assist veterans, so that the appropriate agency meets individuals' needs.",
    );
    expect(codes.get('5.5.5')).toMatch(
      /^Support the Dorset Combined Youth Justice Service and work/,
    );
    expect(codes.get('6.1.3')).toMatch(/^Continue to explore incomegeneration opportunities/);
  });

  it('keeps bullets after a blank line in the theme above', () => {
    const philosophy = expected.priorities[4]?.themes[0];
    expect(philosophy?.title).toBe('Victim and Communities First Philosophy');
    expect(philosophy?.commitments.at(-1)?.text).toMatch(/^Hold the Chief Constable to account/);
  });

  it('reads the "I will" sentences of the cross-cutting sections', () => {
    expect(expected.crossCutting.map((s) => [s.section, s.title, s.commitments.length])).toEqual([
      ['NATIONAL_STRATEGIES', 'Support national policing strategies', 1],
      ['POLICE_AND_EMERGENCY_SERVICES', 'Collaborate with police and emergency services', 6],
      ['PARTNERS', 'Work with partners', 4],
    ]);
    const texts = expected.crossCutting.flatMap((s) => s.commitments);
    expect(texts[0]).toEqual({
      code: 'X.1.1',
      text: "I will hold the Chief Constable to account for Dorset Police's ability to respond to these national threats through our governance framework.",
    });
    expect(texts.find((c) => c.code === 'X.2.5')?.text).toBe(
      'There is a statutory duty for police, fire and ambulance services to work together and I will pursue initiatives that are in the best interests of Dorset.',
    );
    expect(texts.some((c) => c.text.startsWith('My office will'))).toBe(false);
  });

  it('splits the measures table into one row per priority', () => {
    expect(expected.measures).toHaveLength(6);
    expect(expected.measures[0]).toEqual({
      priorityNumber: 1,
      priorityTitle: 'CUT CRIME AND ASB',
      outcome: 'The police will cut crime and ASB and people will feel safer.',
      measures: [
        'Total crime',
        'Total ASB incidents',
        'Public opinion via surveys and consultations',
      ],
    });
    expect(expected.measures[5]?.priorityTitle).toBe('MAKE EVERY PENNY COUNT');
    expect(expected.measures[5]?.measures).toEqual([
      'Budget forecast',
      'Assessments by policing inspectorate',
      'Success in attracting money from competitive national funding pots',
    ]);
  });

  it('returns a document the schema accepts', () => {
    expect(PlanDocumentSchema.safeParse(expected).success).toBe(true);
  });
});

describe('parsePlanText on damaged copies of the plan', () => {
  it('reads CRLF and CR line endings and a byte-order mark the same', () => {
    expect(parsePlanText(seed.replace(/\n/g, '\r\n'))).toEqual(expected);
    expect(parsePlanText(seed.replace(/\n/g, '\r'))).toEqual(expected);
    expect(parsePlanText(`\ufeff${seed.replace(/\n/g, '\r\n')}`)).toEqual(expected);
  });

  it('reads tabs and no-break spaces inside lines as spaces', () => {
    const spaced = seed
      .split('\n')
      .map((line) =>
        line.startsWith('- ')
          ? line.replace(/ /g, (_, i: number) => (i % 3 ? ' ' : '\u00a0\t'))
          : line,
      )
      .join('\n');
    expect(parsePlanText(spaced)).toEqual(expected);
  });

  it('reads "•", "–" and "*" bullets as dashes', () => {
    for (const marker of ['•', '• ', '– ', '* ', '\t- ', '  •\u00a0']) {
      expect(parsePlanText(seed.replace(/^- /gm, marker)), marker).toEqual(expected);
    }
  });

  it('reads reflowed text, long lines broken into several, the same', () => {
    expect(parsePlanText(reflow(seed, 70))).toEqual(expected);
    expect(parsePlanText(reflow(seed, 60, ' '))).toEqual(expected);
  });

  it('reads the measures table wrapped in narrow columns, priority cells too', () => {
    // At 25 characters "MAKE POLICING MORE" ends the row above and "VISIBLE AND
    // CONNECTED⇥To increase…" starts the next.
    for (const width of [20, 25, 40]) {
      expect(parsePlanText(reflow(seed, width)).measures, `width ${width}`).toEqual(
        expected.measures,
      );
    }
  });

  it('rejects a measures row naming no priority, rather than joining it to the row above', () => {
    // The row for priority 5, the second row below the table's repeated header.
    const text = seed.replace('PUT VICTIMS AND COMMUNITIES FIRST\tSupport', 'FIGHT FIRES\tSupport');
    const error = expectImportError(text, 'IMPORT_UNKNOWN_MEASURES_PRIORITY', 617);
    expect(error.reason).toBe(
      'the measures row "FIGHT FIRES" names no priority of this plan — start the row with the number or the title of one of its priorities (1, 2, 3, 4, 5, 6)',
    );
  });

  it('reads a file truncated inside a priority as far as it goes', () => {
    const lines = seed.split('\n');
    // Lines 1–304: priority 2 stops after the first bullet of its second theme.
    const truncated = parsePlanText(lines.slice(0, 304).join('\n'));
    expect(counts(truncated)).toEqual({ priorities: 2, themes: 7, commitments: 33 + 4 + 1 });
    expect(truncated.crossCutting).toEqual([]);
    expect(truncated.measures).toEqual([]);
  });

  it('rejects a file truncated right after "I will:"', () => {
    const lines = seed.split('\n');
    const error = expectImportError(
      lines.slice(0, 235).join('\n'),
      'IMPORT_PRIORITY_WITHOUT_COMMITMENTS',
      233,
    );
    expect(error.message).toContain('CUT CRIME AND ANTI-SOCIAL BEHAVIOUR (ASB)');
  });

  it('rejects a file truncated in the middle of a measures row', () => {
    const cut = seed.indexOf('\tThe police will cut crime');
    expectImportError(seed.slice(0, cut + 10), 'IMPORT_MALFORMED_MEASURES_ROW', 611);
  });

  it('rejects garbage with "no priorities found"', () => {
    const bytes = Array.from({ length: 2000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff));
    expectImportError(bytes.join(''), 'IMPORT_NO_PRIORITIES', 1);
  });

  it('rejects a PDF file, saying to extract its text', () => {
    const pdf = expectImportError('%PDF-1.7\n\u0000\u0001\u0002 binary\n', 'IMPORT_NOT_TEXT', 1);
    expect(pdf.reason).toBe(
      'this is a PDF file, not its text — extract the text (for example with pdftotext) and import that',
    );
  });

  it('rejects binary data, naming the line where it starts', () => {
    const binary = `A PLAN\n\nSome text\n${'\u0000\u0001\u0002\u0003\ufffd'.repeat(20)}\nmore\n`;
    const error = expectImportError(binary, 'IMPORT_NOT_TEXT', 4);
    expect(error.reason).toMatch(
      /^this is binary data, not text .* give the plan as plain text in UTF-8$/,
    );
  });

  it('reads a plan with a stray control character or two as text', () => {
    const stray = seed
      .replace('Road Safety', 'Road\u0007 Safety')
      .replace('Fraud &', 'Fraud\u0000&');
    expect(parsePlanText(stray)).toEqual(expected);
  });

  it('rejects a file with only a title, saying what follows a title', () => {
    const error = expectImportError('\n\nA PLAN FOR DORSET\n\n', 'IMPORT_NO_PRIORITIES', 3);
    expect(error.reason).toBe(
      'the text holds only its title ("A PLAN FOR DORSET") — the plan\'s priorities follow the title: a priority is its heading, a line reading "I will:", then theme headings each with its bullets',
    );
  });

  it('rejects text with no priority in it, saying what a priority looks like', () => {
    const error = expectImportError(
      'A PLAN\n\nWe will do good things.\n\nMore good things.\n',
      'IMPORT_NO_PRIORITIES',
      1,
    );
    expect(error.reason).toBe(
      'no priorities found — a priority is its heading, a line reading "I will:", then theme headings each with its bullets',
    );
  });

  it('reads a title wrapped onto a second line in capitals as one title', () => {
    const wrapped = seed.replace(
      'DORSET POLICE & CRIME PLAN 2021/29',
      'DORSET POLICE & CRIME\nPLAN 2021/29',
    );
    expect(parsePlanText(wrapped).title).toBe('DORSET POLICE & CRIME PLAN 2021/29');
    const subtitled = seed.replace(
      'DORSET POLICE & CRIME PLAN 2021/29',
      'DORSET POLICE & CRIME PLAN 2021/29\nSafest county',
    );
    expect(parsePlanText(subtitled).title).toBe('DORSET POLICE & CRIME PLAN 2021/29');
  });

  it('rejects an empty file', () => {
    for (const text of ['', '\n\n', ' \t\r\n\u00a0', '\ufeff']) {
      expectImportError(text, 'IMPORT_EMPTY_FILE', 1);
    }
  });
});

describe('parsePlanText errors', () => {
  it('names the line of a bullet outside any theme and says what to do', () => {
    const text = small('CUT CRIME\n\nI will:\n\n- Do things\n');
    const error = expectImportError(text, 'IMPORT_BULLET_OUTSIDE_THEME', 10);
    expect(error.message).toBe(
      'line 10: bullet outside any theme ("- Do things") — add a theme heading above it',
    );
    expect(importError(text, 'plan.txt').message).toMatch(/^plan\.txt line 10: bullet outside/);
  });

  it('rejects a priority with no commitments', () => {
    const text = small('CUT CRIME\n\nI will:\n\nFIGHT RURAL CRIME\n\nI will:\n\nTheme\n\n- Act.\n');
    expectImportError(text, 'IMPORT_PRIORITY_WITHOUT_COMMITMENTS', 6);
  });

  it('rejects a theme with no commitments', () => {
    const text = small('CUT CRIME\n\nI will:\n\nEmpty theme\n\nFull theme\n\n- Act.\n');
    expectImportError(text, 'IMPORT_THEME_WITHOUT_COMMITMENTS', 10);
  });

  it('rejects two priorities with the same number', () => {
    const section = 'CUT CRIME\n\nI will:\n\nTheme\n\n- Act.\n\n';
    const error = expectImportError(
      small(section + section),
      'IMPORT_DUPLICATE_PRIORITY_NUMBER',
      14,
    );
    expect(error.message).toContain('at line 6');
  });

  it('is a DomainError with a stable code and the line in its details', () => {
    const error = importError('');
    expect(isDomainError(error)).toBe(true);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('PlanImportError');
    expect(error.details).toEqual({ line: 1 });
  });

  it('numbers priorities in order when there is no contents list', () => {
    const document = parsePlanText(
      'PLAN\n\nONE\nI will:\n\nTheme A\n- First.\n- Second\n  wrapped.\n\nTWO\n\nI will:\n\nTheme B\n\n• Third.\n',
    );
    expect(document.priorities.map((p) => [p.number, p.title])).toEqual([
      [1, 'ONE'],
      [2, 'TWO'],
    ]);
    expect(document.priorities[0]?.themes[0]?.commitments).toEqual([
      { code: '1.1.1', text: 'First.' },
      { code: '1.1.2', text: 'Second wrapped.' },
    ]);
  });
});
