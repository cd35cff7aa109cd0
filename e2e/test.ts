/**
 * The `test` every spec uses: Playwright's, plus a watch on the browser console. A page that logs
 * an error (a React hydration mismatch, an uncaught exception, a failed render) fails the test
 * that opened it — people never see the console, so tests must. Resources answering 4xx on
 * purpose (a refused action, a page a role may not open) are the API speaking, not errors.
 */
import { expect, test as base } from "@playwright/test";

const EXPECTED = [/Failed to load resource: the server responded with a status of 4\d\d/];

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: import("@playwright/test").Page) => {
        page.on("console", (message) => {
          if (message.type() !== "error") return;
          const text = message.text();
          if (!EXPECTED.some((e) => e.test(text))) errors.push(`${page.url()}: ${text}`);
        });
        page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
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
