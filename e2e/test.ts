/**
 * The `test` every spec uses: Playwright's, plus a watch on the browser console of every page the
 * test opens (in its own context and in contexts it makes from `browser`). A page that throws, logs
 * an error, or logs a React hydration mismatch at any level fails the test that opened it — people
 * never see the console, so tests must.
 *
 * The only line forgiven is the browser's own "Failed to load resource … 4xx" for an API call or a
 * page a test provokes on purpose (a refused action, a page a role may not open, a lead that does
 * not exist): that is the app answering, not failing. A 4xx for a script, a stylesheet, a font or
 * an image is never provoked on purpose and still fails. A test that fakes a 500 takes back its own
 * line with `forgiveFaked500`.
 */
import {
  expect,
  test as base,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from "@playwright/test";

/** A React hydration mismatch, as development or production (minified errors #418–#425) logs it. */
const HYDRATION =
  /hydrat|did not match|Minified React error #4(18|19|20|21|22|23|25)\b|react\.dev\/errors\/4(18|19|20|21|22|23|25)\b/i;
const PROVOKED_4XX = /^Failed to load resource: the server responded with a status of 4\d\d\b/;
const ASSET = /^\/_next\/static\/|\.(js|mjs|css|woff2?|ttf|png|jpe?g|gif|svg|ico|webp|avif)$/i;

function isProvoked4xx(message: ConsoleMessage): boolean {
  if (!PROVOKED_4XX.test(message.text())) return false;
  const url = message.location().url;
  if (!url) return true;
  try {
    return !ASSET.test(new URL(url).pathname);
  } catch {
    return true;
  }
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context, browser }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (message) => {
          const text = message.text();
          const error = message.type() === "error" && !isProvoked4xx(message);
          if (error || HYDRATION.test(text))
            errors.push(`${page.url()}: ${text} [${message.location().url}]`);
        });
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      };
      const watchContext = (c: BrowserContext) => {
        c.pages().forEach(watch);
        c.on("page", watch);
      };
      watchContext(context);
      // Contexts a test makes itself (a second user beside the first) are watched too.
      const newContext = browser.newContext;
      browser.newContext = async (...args: Parameters<typeof newContext>) => {
        const made = await newContext.apply(browser, args);
        watchContext(made);
        return made;
      };
      await use(errors);
      browser.newContext = newContext;
      expect(errors, "the browser console logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

/** A test that fakes a server failure (page.route) takes back the console line it caused, only that. */
export function forgiveFaked500(errors: string[]) {
  const kept = errors.filter((e) => !/the server responded with a status of 500/.test(e));
  errors.splice(0, errors.length, ...kept);
}

export { expect };
