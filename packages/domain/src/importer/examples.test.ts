/**
 * Plans the importer was not written against: two invented plans in the Dorset shape with other
 * words (examples/*.txt). Each test states the whole document a reader of the text expects.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type PlanDocument, parsePlanText } from './index.js';

const example = (name: string) =>
  readFileSync(new URL(`./examples/${name}`, import.meta.url), 'utf8');

const harbourshire = example('harbourshire-police-and-crime-plan.txt');
const fenmoor = example('fenmoor-district-council-corporate-plan.txt');

describe('the invented examples', () => {
  it.each([harbourshire, fenmoor])('say they are invented, below a plain title line', (text) => {
    expect(text.split('\n')[0]).toMatch(/^[A-Z][A-Z0-9 ,–-]+$/);
    expect(text).toContain(
      "This plan is an invented example used to test the importer; it is not any office's plan.",
    );
  });
});

describe('parsePlanText on the Harbourshire police and crime plan (invented)', () => {
  // Four priorities numbered by the contents list; an overview with aims; a lost dash after a
  // blank line (1.1.4, 3.2.3) and an indented one (2.1.3); bullets wrapped over two lines,
  // indented (1.1.3, 3.1.2), and over three, not indented (1.2.2); "•" bullets; cross-cutting
  // headings worded as no Dorset heading is, with sub-headings; "I will" in the introduction
  // and in the budget after the measures table, which are not commitments.
  const expected: PlanDocument = {
    title: 'HARBOURSHIRE POLICE AND CRIME PLAN 2025–2029',
    priorities: [
      {
        number: 1,
        title: 'Safer Streets and Town Centres',
        heading: 'SAFER STREETS AND TOWN CENTRES',
        aims: [
          'To cut anti-social behaviour and theft in our town centres so that people feel safe there by day and by night.',
        ],
        themes: [
          {
            position: 1,
            title: 'Town Centre Patrols',
            commitments: [
              {
                code: '1.1.1',
                text: 'Ask the Chief Constable to keep named officers in every town centre on Friday and Saturday nights.',
              },
              {
                code: '1.1.2',
                text: 'Fund street marshals in the three busiest night-time areas, working with the licensed trade.',
              },
              {
                code: '1.1.3',
                text: 'Review how quickly the police answer calls about anti-social behaviour and publish the results every quarter.',
              },
              {
                code: '1.1.4',
                text: 'Report twice a year on how many town-centre officers were moved to other duties.',
              },
            ],
          },
          {
            position: 2,
            title: 'Shop Theft and Business Crime',
            commitments: [
              { code: '1.2.1', text: "Back the shopkeepers' radio scheme in the market towns." },
              {
                code: '1.2.2',
                text: 'Press the force to attend every shop theft where the offender has been detained by staff, and to tell the shop what happened next, including when a case is dropped.',
              },
              { code: '1.2.3', text: 'Hold a business crime surgery in each town every year.' },
            ],
          },
        ],
      },
      {
        number: 2,
        title: 'Protect People from Harm',
        heading: 'PROTECT PEOPLE FROM HARM',
        aims: [
          'To protect those at greatest risk of harm, especially children and the victims of domestic abuse.',
          'To close the gap between the abuse that is reported and the charges that are brought.',
        ],
        themes: [
          {
            position: 1,
            title: 'Domestic Abuse',
            commitments: [
              {
                code: '2.1.1',
                text: 'Commission refuge places so that no victim is turned away for want of a bed.',
              },
              { code: '2.1.2', text: "Fund independent advisers in the county's two hospitals." },
              {
                code: '2.1.3',
                text: 'Make sure that officers who abuse their partners are dismissed and named.',
              },
            ],
          },
          {
            position: 2,
            title: 'Children at Risk',
            commitments: [
              {
                code: '2.2.1',
                text: "Work with the county's schools to spot children drawn into drug running.",
              },
              { code: '2.2.2', text: 'Fund a youth worker in the custody suite at Portmere.' },
            ],
          },
          {
            position: 3,
            title: 'Harm on the Roads',
            commitments: [
              { code: '2.3.1', text: 'Keep the roads policing unit at its present strength.' },
              { code: '2.3.2', text: 'Lobby for average-speed cameras on the coast road.' },
            ],
          },
        ],
      },
      {
        number: 3,
        title: 'Tackle Rural & Coastal Crime',
        heading: 'TACKLE RURAL AND COASTAL CRIME',
        aims: [
          'To give farms, villages and harbours a police service that knows their places and their people.',
        ],
        themes: [
          {
            position: 1,
            title: 'Farm and Machinery Theft',
            commitments: [
              { code: '3.1.1', text: 'Keep a rural crime team of at least twelve officers.' },
              {
                code: '3.1.2',
                text: 'Pay for tracking devices for quad bikes and tractors on farms that have been targeted before.',
              },
            ],
          },
          {
            position: 2,
            title: 'Coast and Harbour Crime',
            commitments: [
              {
                code: '3.2.1',
                text: 'Work with the harbour masters to mark and record outboard engines.',
              },
              {
                code: '3.2.2',
                text: 'Ask the force to patrol the slipways at night during the summer.',
              },
              {
                code: '3.2.3',
                text: 'Tell harbour users each month what has been stolen and what has been found.',
              },
            ],
          },
        ],
      },
      {
        number: 4,
        title: 'A Police Service the Public Trusts',
        heading: 'A POLICE SERVICE THE PUBLIC TRUSTS',
        aims: ['To make the police answerable to the people they serve.'],
        themes: [
          {
            position: 1,
            title: 'Answering the Public',
            commitments: [
              { code: '4.1.1', text: 'Publish how long people wait when they call 101 and 999.' },
              {
                code: '4.1.2',
                text: 'Open a front counter in each of the four largest towns at least three days a week.',
              },
            ],
          },
          {
            position: 2,
            title: 'Complaints and Standards',
            commitments: [
              {
                code: '4.2.1',
                text: 'Review a sample of closed complaints every quarter with lay members.',
              },
              { code: '4.2.2', text: 'Publish the outcome of every misconduct hearing.' },
            ],
          },
        ],
      },
    ],
    crossCutting: [
      {
        section: 'NATIONAL_STRATEGIES',
        title: 'Support national policing strategies',
        commitments: [
          {
            code: 'X.1.1',
            text: "I will hold the Chief Constable to account for the county's part in the national response to those threats.",
          },
        ],
      },
      {
        section: 'POLICE_AND_EMERGENCY_SERVICES',
        title: 'Collaborate with police and emergency services',
        commitments: [
          {
            code: 'X.2.1',
            text: 'I will make sure that the arrangement still gives value for money.',
          },
          {
            code: 'X.2.2',
            text: 'Further, I will look for stations that the fire service and the police could share, and I will report what I find.',
          },
        ],
      },
      {
        section: 'PARTNERS',
        title: 'Work with partners',
        commitments: [
          {
            code: 'X.3.1',
            text: "I will chair the county's community safety board and ask every council to sign up to one plan for the county.",
          },
          {
            code: 'X.3.2',
            text: 'I will ask health partners to share what they know about violence so that hotspots are found sooner.',
          },
        ],
      },
    ],
    measures: [
      {
        priorityNumber: 1,
        priorityTitle: 'SAFER STREETS',
        outcome: 'People feel safe in town centres by day and by night.',
        measures: ['Anti-social behaviour incidents', 'Shop thefts reported'],
      },
      {
        priorityNumber: 2,
        priorityTitle: 'PROTECT PEOPLE FROM HARM',
        outcome: 'Fewer people are harmed and more offenders are charged.',
        measures: ['Repeat victims of domestic abuse', 'Charge rate for rape'],
      },
      {
        priorityNumber: 3,
        priorityTitle: 'TACKLE RURAL AND COASTAL CRIME',
        outcome: 'Crime against farms and harbours falls.',
        measures: ['Rural crime', 'Thefts from harbours'],
      },
      {
        priorityNumber: 4,
        priorityTitle: 'A POLICE SERVICE THE PUBLIC TRUSTS',
        outcome: 'Trust in the police rises.',
        measures: ['Public confidence survey', 'Complaints resolved within 28 days'],
      },
    ],
  };

  it('reads the whole plan', () => {
    expect(parsePlanText(harbourshire)).toEqual(expected);
  });

  it('reads it the same with CRLF line endings and "*" for "-"', () => {
    const windows = harbourshire.replace(/^- /gm, '* ').replace(/\n/g, '\r\n');
    expect(parsePlanText(windows)).toEqual(expected);
  });
});

describe('parsePlanText on the Fenmoor council corporate plan (invented)', () => {
  // Three priorities and no contents list, so numbered in order and titled by their headings;
  // no overview and no measures table; "*" and "–" bullets; a bullet wrapped over three
  // indented lines (1.1.3); lost dashes after a blank line, indented (2.2.3) and not (3.2.3);
  // a theme "Working with Partners" that stays a theme; cross-cutting headings in sentence case
  // ("Supporting national policing", right after the last priority; "Our partners", inside
  // another section) and in capitals naming two subjects ("BLUE LIGHT PARTNERS").
  const expected: PlanDocument = {
    title: 'FENMOOR DISTRICT COUNCIL CORPORATE PLAN 2026 TO 2030',
    priorities: [
      {
        number: 1,
        title: 'A CLEANER, GREENER FENMOOR',
        heading: 'A CLEANER, GREENER FENMOOR',
        aims: [],
        themes: [
          {
            position: 1,
            title: 'Waste and Recycling',
            commitments: [
              {
                code: '1.1.1',
                text: 'Collect food waste from every household by the end of 2027.',
              },
              { code: '1.1.2', text: 'Keep the weekly bin collection for the rest of this plan.' },
              {
                code: '1.1.3',
                text: 'Open a second recycling centre in the south of the district, on a site chosen with the parish councils and with a bus stop within walking distance.',
              },
            ],
          },
          {
            position: 2,
            title: 'Parks and Open Spaces',
            commitments: [
              {
                code: '1.2.1',
                text: 'Plant ten thousand trees, with a third of them in the towns.',
              },
              {
                code: '1.2.2',
                text: 'Give every park a friends group and a small budget that the group controls.',
              },
            ],
          },
        ],
      },
      {
        number: 2,
        title: 'HOMES PEOPLE CAN AFFORD',
        heading: 'HOMES PEOPLE CAN AFFORD',
        aims: [],
        themes: [
          {
            position: 1,
            title: 'New Homes',
            commitments: [
              {
                code: '2.1.1',
                text: 'Build four hundred council homes on land the council already owns.',
              },
              { code: '2.1.2', text: 'Ask developers to show their viability figures in public.' },
            ],
          },
          {
            position: 2,
            title: 'Private Renting',
            commitments: [
              {
                code: '2.2.1',
                text: 'Licence every house in multiple occupation, not only the largest.',
              },
              {
                code: '2.2.2',
                text: 'Take landlords to court when they ignore an improvement notice.',
              },
              {
                code: '2.2.3',
                text: 'Publish a register of the landlords the council has prosecuted.',
              },
            ],
          },
        ],
      },
      {
        number: 3,
        title: 'A COUNCIL THAT LISTENS',
        heading: 'A COUNCIL THAT LISTENS',
        aims: [],
        themes: [
          {
            position: 1,
            title: 'Open Meetings',
            commitments: [
              {
                code: '3.1.1',
                text: 'Stream every committee meeting and keep the recordings for a year.',
              },
              { code: '3.1.2', text: 'Hold one council meeting a year in each market town.' },
            ],
          },
          {
            position: 2,
            title: 'Working with Partners',
            commitments: [
              { code: '3.2.1', text: 'Meet the chairs of the parish councils every quarter.' },
              {
                code: '3.2.2',
                text: "Share the council's data on anti-social behaviour with the police each month.",
              },
              { code: '3.2.3', text: 'Give residents a say in how the ward budgets are spent.' },
            ],
          },
        ],
      },
    ],
    crossCutting: [
      {
        section: 'NATIONAL_STRATEGIES',
        title: 'Support national policing strategies',
        commitments: [
          {
            code: 'X.1.1',
            text: 'I will make sure that the council meets its duties under the national strategy for preventing terrorism.',
          },
        ],
      },
      {
        section: 'POLICE_AND_EMERGENCY_SERVICES',
        title: 'Collaborate with police and emergency services',
        commitments: [
          {
            code: 'X.2.1',
            text: 'I will offer council buildings to the fire and ambulance services where they need a base.',
          },
        ],
      },
      {
        section: 'PARTNERS',
        title: 'Work with partners',
        commitments: [
          {
            code: 'X.3.1',
            text: 'I will meet the chief executives of the health trust and the housing associations every six months, and I will publish what we agree.',
          },
        ],
      },
    ],
    measures: [],
  };

  it('reads the whole plan', () => {
    expect(parsePlanText(fenmoor)).toEqual(expected);
  });

  it('reads the same plan reflowed at 50 characters, continuation lines indented', () => {
    const reflowed = fenmoor
      .split('\n')
      .flatMap((line) => {
        const out: string[] = [];
        let rest = line;
        while (rest.length > 50) {
          const cut = rest.lastIndexOf(' ', 50);
          if (cut <= 0) break;
          out.push(rest.slice(0, cut));
          rest = ` ${rest.slice(cut + 1)}`;
        }
        return [...out, rest];
      })
      .join('\n');
    expect(parsePlanText(reflowed)).toEqual(expected);
  });
});
