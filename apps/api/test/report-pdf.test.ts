// Anonymous PDF downloads (audit, issue 15): each costs seconds of Chromium, so they are limited
// per client address (in the database, like every limit) and a rendered PDF is kept and served
// again while its report is the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDownloadHandler, type DownloadHandler } from '../src/http/reports.js';
import { startTestApi, type TestApi } from './support/api.js';

let t: TestApi;
let downloads: DownloadHandler;
let printed: string[];
beforeAll(async () => {
  t = await startTestApi({ env: { API_ANONYMOUS_PDF_PER_HOUR: '3' } });
  printed = [];
  downloads = createDownloadHandler({
    prisma: t.database.prisma,
    logger: t.api.logger,
    limits: t.api.limits,
    env: t.api.env,
    pdf: async (html) => {
      printed.push(html);
      return new TextEncoder().encode(`%PDF-fake ${printed.length}`);
    },
  });
});
afterAll(() => t.close());

async function get(path: string, clientAddress: string, cookie?: string) {
  const response = await downloads(
    new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} }),
    { clientAddress },
  );
  if (!response) throw new Error('not a download path');
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('PDF downloads', () => {
  it('print a closed quarter once and serve the same bytes again', async () => {
    const first = await get('/reports/test-2021-29/2021-22-Q2.pdf', '203.0.113.1');
    const second = await get('/reports/test-2021-29/2021-22-Q2.pdf', '203.0.113.2');
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.text).toBe(first.text);
    expect(printed).toHaveLength(1);
    // Another quarter is another document.
    expect((await get('/reports/test-2021-29/2021-22-Q3.pdf', '203.0.113.2')).status).toBe(200);
    expect(printed).toHaveLength(2);
  });

  it('are limited per client address for anonymous callers, not for staff', async () => {
    const address = '203.0.113.50';
    const statuses = [];
    for (let i = 0; i < 4; i += 1) {
      statuses.push((await get('/reports/test-2021-29/2021-22-Q2.pdf', address)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await get('/reports/test-2021-29/2021-22-Q2.pdf', address);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(refused.text).toMatch(/Too many requests for PDF reports/);
    // Other formats and other addresses are unaffected; so is staff's.
    expect((await get('/reports/test-2021-29/2021-22-Q2.html', address)).status).toBe(200);
    expect((await get('/reports/test-2021-29/2021-22-Q2.pdf', '203.0.113.51')).status).toBe(200);
    const staff = await t.signIn(t.fixture.users.editor.email);
    expect((await get('/reports/test-2021-29/2021-22-Q2.pdf', address, staff)).status).toBe(200);
  });
});
