import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { routes } from '../app/routes.js';
import { PlanPicker } from './PlanPicker.js';
import type { PlanSummary } from './plan.js';

const plans: PlanSummary[] = [
  {
    id: 'UGxhbjoy',
    slug: 'county-2025-29',
    title: 'Police and Crime Plan 2025 to 2029',
    periodStart: '2025-05-09',
    periodEnd: '2029-03-31',
    published: false,
  },
  {
    id: 'UGxhbjox',
    slug: 'county-2021-25',
    title: 'Police and Crime Plan 2021 to 2025',
    periodStart: '2021-05-13',
    periodEnd: '2025-03-31',
    published: true,
  },
];

/** The picker's rows as a person reads them: one line per plan, its cells joined by " | ". */
function rows(html: string): string[] {
  return [...html.matchAll(/<tr class="govuk-table__row">(.*?)<\/tr>/g)]
    .slice(1)
    .map((row) =>
      [...(row[1] as string).matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)]
        .map((cell) => (cell[1] as string).replace(/<[^>]+>/g, ''))
        .join(' | '),
    );
}

describe('the plan picker', () => {
  it('lists every plan with its period and whether it is published, in the order given', () => {
    const html = renderToStaticMarkup(
      createElement(PlanPicker, { plans, linkTo: routes.dashboard, caption: 'Plans' }),
    );
    expect(rows(html)).toEqual([
      'Police and Crime Plan 2025 to 2029 | 9 May 2025 to 31 March 2029 | Not published',
      'Police and Crime Plan 2021 to 2025 | 13 May 2021 to 31 March 2025 | Published',
    ]);
    expect(html).toContain('<caption class="govuk-table__caption govuk-table__caption--m">Plans');
    // Stacked at narrow widths, each cell says which column it is.
    expect(html).toContain('data-label="Period"');
    expect(html).toContain('data-label="Published"');
  });

  it('links each plan to where the choice leads', () => {
    const dashboards = renderToStaticMarkup(
      createElement(PlanPicker, { plans, linkTo: routes.dashboard, caption: 'Plans' }),
    );
    expect([...dashboards.matchAll(/href="([^"]+)"/g)].map((m) => m[1])).toEqual([
      '/plans/county-2025-29',
      '/plans/county-2021-25',
    ]);
    const sameScreen = renderToStaticMarkup(
      createElement(PlanPicker, {
        plans,
        linkTo: (plan: string) => routes.timeline(plan),
        caption: 'Plans',
      }),
    );
    expect(sameScreen).toContain('href="/plans/county-2021-25/timeline"');
  });
});
