import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors.js';
import {
  buildOpenData,
  OPEN_DATA_CSV_COLUMNS,
  type OpenDataInput,
  OpenDataSchema,
  openDataJsonSchema,
  renderOpenDataCsv,
  renderOpenDataJson,
} from './open-data.js';

function input(): OpenDataInput {
  const base = {
    crossCuttingSection: null,
    owner: 'Jane Smith, Chief Inspector',
    dueDate: null,
    statusOverrideReason: null,
    latestNote: null,
  };
  return {
    organisation: { name: 'Test OPCC' },
    plan: {
      slug: 'test-2021-29',
      title: 'Test Plan 2021–29',
      vision: 'Make the county safest',
      periodStart: '2021-05-13',
      periodEnd: '2029-03-31',
    },
    asAt: '2022-06-01',
    priorities: [
      { number: 1, title: 'Cut crime', themes: [{ id: 't11', title: 'Burglary' }] },
      { number: 2, title: 'Be visible', themes: [{ id: 't21', title: 'Rural crime' }] },
    ],
    commitments: [
      {
        ...base,
        id: 'c21',
        code: '2.1.1',
        themeId: 't21',
        text: 'Fund a rural crime team',
        status: 'IN_PROGRESS',
        rag: 'GREEN',
        progressPercent: 20,
        statusOverrideReason: 'Internal: the force reports on it',
        latestNote: { recordedOn: '2022-05-02', narrative: 'Team recruited, "ahead", of plan' },
      },
      {
        ...base,
        id: 'c11',
        code: '1.1.1',
        themeId: 't11',
        text: '=cmd| run this',
        status: 'NOT_STARTED',
        rag: null,
        progressPercent: 0,
      },
      {
        ...base,
        id: 'cx',
        code: 'X.3.1',
        themeId: null,
        crossCuttingSection: 'PARTNERS',
        text: 'Work with councils',
        status: 'ONGOING',
        rag: 'AMBER',
        progressPercent: 50,
      },
    ],
    actions: [
      {
        id: 'a1',
        commitmentId: 'c11',
        title: 'Target hardening',
        owner: 'Jane Smith',
        status: 'IN_PROGRESS',
        rag: 'RED',
        progressPercent: 40,
        dueDate: '2022-03-31',
        archivedAt: null,
      },
    ],
  };
}

describe('open data', () => {
  it('lists every commitment in code order with its rolled-up figures and no owners', () => {
    const data = buildOpenData(input());
    expect(OpenDataSchema.parse(data)).toEqual(data);
    expect(data.commitments.map((c) => c.code)).toEqual(['1.1.1', '2.1.1', 'X.3.1']);
    const [burglary, rural, partners] = data.commitments;
    // 1.1.1's figures roll up from its one action, which is red and overdue on 1 June 2022.
    expect(burglary).toMatchObject({
      priorityNumber: 1,
      priorityTitle: 'Cut crime',
      theme: 'Burglary',
      status: 'IN_PROGRESS',
      rag: 'RED',
      progressPercent: 40,
      overdue: true,
      lastUpdate: null,
    });
    expect(rural).toMatchObject({
      rag: 'GREEN',
      overdue: false,
      lastUpdate: { date: '2022-05-02', note: 'Team recruited, "ahead", of plan' },
    });
    expect(partners).toMatchObject({
      priorityNumber: null,
      crossCuttingSection: 'PARTNERS',
      crossCuttingSectionTitle: 'Work with partners',
    });
    expect(data.summary).toMatchObject({ commitments: 3, overdue: 1 });
    const json = renderOpenDataJson(data);
    expect(json).not.toMatch(/Jane Smith|Internal: the force/);
  });

  it('renders CSV with one row per commitment, quoted and guarded against formulas', () => {
    const csv = renderOpenDataCsv(buildOpenData(input()));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(5); // header, three rows, and the empty string after the last CRLF
    expect(lines[1]).toBe(
      "1.1.1,Priority 1: Cut crime,Burglary,'=cmd| run this,In progress,Red – off track,40,,Yes,,",
    );
    expect(lines[2]).toContain(',2022-05-02,"Team recruited, ""ahead"", of plan"');
    expect(csv).not.toContain('Jane Smith');
  });

  it('is deterministic', () => {
    expect(renderOpenDataJson(buildOpenData(input()))).toBe(
      renderOpenDataJson(buildOpenData(input())),
    );
  });

  describe('the published JSON Schema (openDataJsonSchema, draft 2020-12)', () => {
    // Strict, so a keyword ajv does not know fails here instead of being ignored; except
    // strictRequired: zod lists a record's enum keys under `required` with no `properties`,
    // which is valid JSON Schema that only this lint objects to.
    const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true });
    const schema = openDataJsonSchema();
    const validate = ajv.compile(schema);
    const published = () => JSON.parse(renderOpenDataJson(buildOpenData(input())));

    it('is a draft 2020-12 schema of the whole document', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'commitments']));
    });

    it('accepts the JSON format as rendered', () => {
      const valid = validate(published());
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    });

    it('refuses documents that break it, so the check above can fail', () => {
      const document = published();
      const [first] = document.commitments;
      const broken = [
        { ...document, schemaVersion: 2 },
        { ...document, asAt: 20220601 },
        { ...document, commitments: [{ ...first, status: 'DONE' }] },
        { ...document, commitments: [{ ...first, owner: 'Jane Smith' }] },
        { ...document, commitments: [{ ...first, progressPercent: 101 }] },
        { ...document, summary: { ...document.summary, overdue: -1 } },
      ];
      for (const [index, value] of broken.entries()) {
        expect(validate(value), `broken document ${index}`).toBe(false);
      }
    });
  });

  it('names the field at fault when the input does not fit together', () => {
    const bad = input();
    bad.commitments[0] = { ...bad.commitments[0], themeId: 'nope' } as never;
    try {
      buildOpenData(bad);
      expect.unreachable();
    } catch (error) {
      expect(isDomainError(error)).toBe(true);
      expect((error as Error).message).toMatch(/commitments\.0\.themeId: There is no theme nope/);
    }
  });
});
