/**
 * The cross-cutting sections of a plan: which heading names which of the three sections, and
 * which sentences under it are commitments.
 *
 * Plans word these headings differently: Dorset prints "WORK WITH PARTNERS", another plan may
 * print "Working with our partners" or "OUR PARTNERS". What stays the same is the section's
 * subject, not its verb ("Support", "Supporting", "Collaborate", "Collaboration with", "Work",
 * "Working with", "Our" all occur), so a heading is matched on the words that name the subject:
 *
 * - national policing: "national" with "policing", "strategy" or "strategies", or the
 *   "Strategic Policing Requirement" (the national strategy by name);
 * - the police and emergency services: "emergency service(s)" or "blue light";
 * - partners: "partner", "partners", "partnership(s)".
 *
 * Partners is the general subject and the other two are particular partners, so a heading
 * naming partners and one of the others is the other ("Our emergency service partners",
 * "Partnership with the police and emergency services"). A heading naming both national
 * policing and the emergency services is ambiguous: it names no section, and the parser says so
 * rather than guess. Case, "&" for "and", punctuation and any other words are ignored.
 *
 * A subject word alone, without its companions, names nothing: Dorset's sub-heading "National
 * Collaboration Agreements" (inside its police and emergency services section) is not national
 * policing, nor are "Civil emergencies" or an appendix headed "NATIONAL".
 */
import { CROSS_CUTTING_SECTIONS, type CrossCuttingSection } from '../model/vocabulary.js';

/** The cross-cutting sections' titles, keyed by section, in the order that numbers them. */
export const CROSS_CUTTING_SECTION_TITLES: Readonly<Record<CrossCuttingSection, string>> = {
  NATIONAL_STRATEGIES: 'Support national policing strategies',
  POLICE_AND_EMERGENCY_SERVICES: 'Collaborate with police and emergency services',
  PARTNERS: 'Work with partners',
};

/** Each section's subject, as an error message names it. */
const SUBJECTS: Readonly<Record<CrossCuttingSection, string>> = {
  NATIONAL_STRATEGIES: 'national policing',
  POLICE_AND_EMERGENCY_SERVICES: 'the police and emergency services',
  PARTNERS: 'partners',
};

/** What a heading names: one section, two that it cannot choose between, or none. */
export type CrossCuttingHeading =
  | { readonly section: CrossCuttingSection }
  | { readonly ambiguous: readonly CrossCuttingSection[] }
  | null;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
}

function hasPhrase(heading: readonly string[], ...phrase: readonly RegExp[]): boolean {
  return heading.some((_, start) => phrase.every((word, i) => word.test(heading[start + i] ?? '')));
}

const SUBJECT_TESTS: Readonly<
  Record<CrossCuttingSection, (heading: readonly string[]) => boolean>
> = {
  NATIONAL_STRATEGIES: (heading) =>
    (heading.includes('national') &&
      heading.some((word) => /^(?:policing|strategy|strategies)$/.test(word))) ||
    hasPhrase(heading, /^strategic$/, /^policing$/, /^requirements?$/),
  POLICE_AND_EMERGENCY_SERVICES: (heading) =>
    hasPhrase(heading, /^emergency$/, /^services?$/) || hasPhrase(heading, /^blue$/, /^light$/),
  PARTNERS: (heading) => heading.some((word) => /^partner(?:s|ships?)?$/.test(word)),
};

/**
 * The cross-cutting section a heading names, by the rule in this module's comment. Says only
 * what the words name; whether the line is a heading at all is the parser's question.
 */
export function crossCuttingHeading(text: string): CrossCuttingHeading {
  const heading = words(text);
  const named = CROSS_CUTTING_SECTIONS.filter((section) => SUBJECT_TESTS[section](heading));
  const particular = named.length > 1 ? named.filter((section) => section !== 'PARTNERS') : named;
  const [section, ...others] = particular;
  if (!section) return null;
  return others.length === 0 ? { section } : { ambiguous: particular };
}

/** "national policing and partners": the subjects of some sections, for a message. */
export function subjectsOf(sections: readonly CrossCuttingSection[], conjunction = 'and'): string {
  const subjects = sections.map((section) => SUBJECTS[section]);
  const last = subjects.pop() ?? '';
  return subjects.length > 0 ? `${subjects.join(', ')} ${conjunction} ${last}` : last;
}

/** The end of a message that says which headings start a cross-cutting section. */
export const ACCEPTED_CROSS_CUTTING_HEADINGS = `a heading that names ${subjectsOf(
  CROSS_CUTTING_SECTIONS,
  'or',
)}, such as ${CROSS_CUTTING_SECTIONS.map((s) => `"${CROSS_CUTTING_SECTION_TITLES[s]}"`).join(', ')}`;

/** True when the text holds a first-person commitment: "I will" as words, in that case. */
export function hasIWill(text: string): boolean {
  return /\bI will\b/.test(text);
}

const SENTENCE_END = /(?<=[.!?]['"”’)]?)\s+(?=['"“‘(]?\p{Lu})/u;

/**
 * The "I will" sentences of a section's paragraphs, verbatim, including any lead-in such as
 * "Further, " or a clause before "and I will…". Sentences such as "My office will…" or "The
 * OPCC will…" are not first-person commitments and are left out.
 */
export function iWillSentences(paragraphs: readonly string[]): string[] {
  return joinBrokenParagraphs(paragraphs)
    .flatMap((paragraph) => paragraph.split(SENTENCE_END))
    .filter(hasIWill);
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
