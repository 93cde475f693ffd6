import { chromium, type Page } from 'playwright-core';

/** Where Debian's Chromium is installed; the browser tests and the screenshot script use it. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Launch flags: headless in a container without a sandbox, and no traffic of its own. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Width and height of the page's viewport in CSS pixels. */
export interface Viewport {
  width: number;
  height: number;
}

/** The two widths the report pages are designed for: a laptop and a phone. */
export const DESKTOP: Viewport = { width: 1280, height: 900 };
export const PHONE: Viewport = { width: 390, height: 844 };

/**
 * Opens `url` in a fresh headless Chromium at the given viewport, runs `fn` with the page, and
 * closes the browser whatever happens. Requests to anything but `file:` and `data:` URLs are
 * aborted, so a page that tried to load a remote resource fails its test visibly (see
 * `blocked`) instead of reaching the network.
 * @param url the page to open, usually a `file://` URL.
 * @param viewport e.g. {@link DESKTOP} or {@link PHONE}.
 * @param fn receives the loaded page and the list of URLs that were blocked.
 * @throws whatever `fn` throws, or the launch error when Chromium is missing at
 *   {@link CHROMIUM_PATH}.
 */
export async function withPage<T>(
  url: string,
  viewport: Viewport,
  fn: (page: Page, blocked: readonly string[]) => Promise<T>,
): Promise<T> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
  try {
    const context = await browser.newContext({ viewport, colorScheme: 'light' });
    const blocked: string[] = [];
    await context.route(
      (target) => !/^(file|data|about):/.test(target.protocol),
      async (route) => {
        blocked.push(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await fn(page, blocked);
  } finally {
    await browser.close();
  }
}
