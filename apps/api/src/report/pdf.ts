/**
 * Prints a self-contained HTML document to PDF with Debian's Chromium, driven by playwright-core
 * (which never downloads a browser; it gives the browser a fresh temporary profile). One helper
 * for the HTTP download and `pnpm cli report --format pdf`.
 */
import { existsSync } from 'node:fs';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** The switches Chromium runs with here: headless, no sandbox (root), nothing phoning home. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** Chromium is not installed, so there is no PDF. The message says how to get one. */
export class ChromiumMissingError extends Error {
  override readonly name = 'ChromiumMissingError';
  constructor() {
    super(
      'PDF needs Chromium, which is not installed on this machine: install it (apt-get install chromium) or set CHROMIUM_PATH; meanwhile use the HTML format and print it from a browser.',
    );
  }
}

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/**
 * Renders `html` to an A4 PDF, with the document's own print stylesheet.
 *
 * @throws ChromiumMissingError when no Chromium is installed
 */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) throw new ChromiumMissingError();
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
