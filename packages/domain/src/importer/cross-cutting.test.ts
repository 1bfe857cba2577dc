import { describe, expect, it } from 'vitest';
import { crossCuttingHeading, iWillSentences } from './cross-cutting.js';
import { CROSS_CUTTING_SECTION_TITLES } from './index.js';

describe('crossCuttingHeading', () => {
  it.each([
    // Dorset's own headings, and its titles in the product.
    ['SUPPORT NATIONAL POLICING STRATEGIES', 'NATIONAL_STRATEGIES'],
    ['COLLABORATE WITH POLICE AND EMERGENCY SERVICES', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['WORK WITH PARTNERS', 'PARTNERS'],
    ...Object.entries(CROSS_CUTTING_SECTION_TITLES).map(([section, title]) => [title, section]),
    // Other plans' wordings: other verbs, other words around the subject.
    ['Supporting national policing', 'NATIONAL_STRATEGIES'],
    ['Our part in the national policing strategy', 'NATIONAL_STRATEGIES'],
    ['The Strategic Policing Requirement', 'NATIONAL_STRATEGIES'],
    ['Collaboration with the police and emergency services', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['Working with the Emergency Service', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['BLUE-LIGHT COLLABORATION', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['Working with our partners', 'PARTNERS'],
    ['Our partners', 'PARTNERS'],
    ['PARTNERSHIP WORKING', 'PARTNERS'],
    ['Partners & Partnerships', 'PARTNERS'],
    // Partners is the general subject: the particular one wins.
    ['Our emergency service partners', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['Partnership with the police and emergency services', 'POLICE_AND_EMERGENCY_SERVICES'],
    ['National policing partners', 'NATIONAL_STRATEGIES'],
  ])('reads %j as %s', (heading, section) => {
    expect(crossCuttingHeading(heading)).toEqual({ section });
  });

  it.each([
    // A subject word without its companions, from Dorset's sub-headings and appendices.
    'National Collaboration Agreements',
    'NATIONAL',
    'Civil emergencies',
    'Services for emergency callers', // "emergency" and "services" but not as one phrase
    'Emergency planning',
    'Working together',
    'Collaborate with police',
    'Philosophy and Co-operation',
    'Policing Vision 2030',
  ])('reads %j as no section', (heading) => {
    expect(crossCuttingHeading(heading)).toBeNull();
  });

  it('calls a heading naming national policing and the emergency services ambiguous', () => {
    expect(crossCuttingHeading('NATIONAL POLICING AND EMERGENCY SERVICES')).toEqual({
      ambiguous: ['NATIONAL_STRATEGIES', 'POLICE_AND_EMERGENCY_SERVICES'],
    });
  });
});

describe('iWillSentences', () => {
  it('keeps the sentences that say "I will", with their lead-in, and no others', () => {
    expect(
      iWillSentences([
        'The force shares its dog units. I will make sure it pays. My office will publish its review.',
        'Further, I will look for shared stations, and I will report what I find.',
        'The OPCC will keep a list. We will meet. i will not count in lower case.',
      ]),
    ).toEqual([
      'I will make sure it pays.',
      'Further, I will look for shared stations, and I will report what I find.',
    ]);
  });

  it('rejoins a sentence that a blank line split', () => {
    expect(iWillSentences(['I will keep Fenmoor in the top ten', 'safest districts.'])).toEqual([
      'I will keep Fenmoor in the top ten safest districts.',
    ]);
  });
});
