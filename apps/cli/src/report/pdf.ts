/**
 * Prints a self-contained HTML document to PDF with Debian's Chromium, driven by playwright-core
 * (which never downloads a browser; it gives the browser a fresh temporary profile). Without Chromium the error says how to get it.
 */
import { existsSync } from 'node:fs';
import { CliError } from '../cli-error.js';

const CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

/** The Chromium executable to use, or undefined when none is installed. */
export function findChromium(): string | undefined {
  return CANDIDATES.find((path): path is string => Boolean(path) && existsSync(path as string));
}

/** Renders `html` to an A4 PDF, with the document's own print stylesheet. */
export async function htmlToPdf(html: string): Promise<Buffer> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new CliError(
      'PDF needs Chromium, which is not installed: apt-get install chromium (or set CHROMIUM_PATH), or use --format html and print from a browser',
    );
  }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
