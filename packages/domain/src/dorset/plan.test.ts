import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../importer/index.js';
import { dorsetPlanDocument } from './index.js';

const sourceUrl = new URL('./source/plan-2021-29.txt', import.meta.url);
const jsonUrl = new URL('./plan-2021-29.json', import.meta.url);
// The shared seeds sit beside the repository (../../shared/seeds from its root) on the
// machines this project is built on; a clone elsewhere has only the vendored copy.
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const seedPath = `${repoRoot}../shared/seeds/002_5be3b1c0d99eb20d.txt`;

describe('dorsetPlanDocument', () => {
  it('is exactly what the importer makes of the vendored source (run pnpm data:dorset)', () => {
    const regenerated = parsePlanText(readFileSync(sourceUrl, 'utf8'));
    expect(regenerated).toEqual(dorsetPlanDocument);
    expect(`${JSON.stringify(regenerated, null, 2)}\n`).toBe(readFileSync(jsonUrl, 'utf8'));
  });

  it.skipIf(!existsSync(seedPath))(
    'vendors seed 002 byte for byte (skipped where the shared seeds folder is absent)',
    () => {
      expect(readFileSync(sourceUrl).equals(readFileSync(seedPath))).toBe(true);
    },
  );

  it('has 6 priorities, 29 themes and 156 commitments', () => {
    const themes = dorsetPlanDocument.priorities.flatMap((priority) => priority.themes);
    expect(dorsetPlanDocument.priorities).toHaveLength(6);
    expect(themes).toHaveLength(29);
    expect(themes.flatMap((theme) => theme.commitments)).toHaveLength(156);
    expect(dorsetPlanDocument.crossCutting.flatMap((s) => s.commitments)).toHaveLength(11);
    expect(dorsetPlanDocument.measures).toHaveLength(6);
  });

  it.each([
    [
      '1.1',
      'Crime and ASB Focus',
      'Ensure that personal ASB is a higher priority for Dorset Police and that we work with our partners to address environmental and nuisance ASB, so that our communities are protected from the daily grind of ASB.',
      'Ensure that policing initiatives are publicised to deter crime.',
    ],
    [
      '1.4',
      'Road Safety',
      'Continue with proactive safety and awareness raising, such as drink and drug drive campaigns, so that the public are aware of the dangers of such behaviours.',
      'Lobby for a reduction in the drink drive limit.',
    ],
    [
      '2.2',
      'Engagement and Connectivity',
      "Build upon the Neighbourhood Engagement Commitments and pursue opportunities to better publicise existing engagement opportunities with the police. To ensure that communities 'know their police'.",
      'Help the public prevent crime in their local area and improve local ownership of issues by working community-spirited individuals and groups, such as Neighbourhood Watch Schemes.',
    ],
    [
      '3.7',
      'Modern Slavery',
      'Continue to work with partner agencies so that there is an effective and co-ordinated response to modern slavery through the Dorset Anti-Slavery Partnership.',
      'Ensure measures are in place to prevent and minimise the risk of modern slavery taking place within supply chains.',
    ],
    [
      '4.3',
      'Waste Crime and Fly-Tipping',
      'Work with partner agencies, such as the local councils and the Environment Agency, to prevent and detect waste crime and flytipping issues across all of Dorset.',
      'Ensure a range of both innovative and triedand-tested approaches are taken to deal with fly-tipping in hotspot locations.',
    ],
    [
      '5.3',
      'Vulnerability',
      'Work with particularly vulnerable communities to prevent them from being exploited or falling into criminality.',
      "Support schemes such as Right Care Right Person and the use of Community Sentence Treatment Requirements, and initiatives that assist veterans, so that the appropriate agency meets individuals' needs.",
    ],
    [
      '6.1',
      'Funding',
      'Play an active role in the comprehensive spending review and national funding formula discussions to demand that Dorset receives a fair settlement that recognises our geography, high level of visitors and the mix of rural, coastal and urban communities. Further, to make clear that funding for nationally agreed pay settlements should be fairly distributed.',
      'Ensure that steps are taken to carefully manage, and minimise, debt.',
    ],
    [
      '6.4',
      'Philosophy and Co-operation',
      'Collaborate with partner organisations to explore joint approaches to tackling issues and commissioning shared services.',
      'Get ahead of crime by pursuing a prevention agenda and not letting issues take hold in the first place.',
    ],
  ])('theme %s "%s" starts and ends with the plan words', (code, title, first, last) => {
    const [priorityNumber, position] = code.split('.').map(Number);
    const theme = dorsetPlanDocument.priorities
      .find((priority) => priority.number === priorityNumber)
      ?.themes.find((t) => t.position === position);
    expect(theme?.title).toBe(title);
    expect(theme?.commitments[0]).toEqual({ code: `${code}.1`, text: first });
    expect(theme?.commitments.at(-1)?.text).toBe(last);
  });
});
