// When a built page has finished: its Observable runtime (the one Framework's client module makes) has no
// computation queued and every variable it computed has settled, still so after two animation frames — so the
// charts that resize() draws on a ResizeObserver callback are on the page too — and the fonts are in. The page
// says so itself: no idle timer (Playwright's "networkidle" waits 500 ms with no request on every load, and
// proves less: a cell may start after it), no text polled until it stops changing. A cell that never settles
// is a hang, caught by the wait's own timeout (TIMEOUT.wait, build.ts newContext).
//
// Framework's built client module exports only define(), so the runtime is caught as it is made: before any
// script of the page runs, Set.prototype.add is wrapped until the first Observable variable is added to its
// runtime's set of variables (in the Runtime's constructor, for the built-ins), then put back.
import type {BrowserContext, Page} from "playwright-core";

const CAPTURE = `(() => {
  const add = Set.prototype.add;
  Set.prototype.add = function (value) {
    if (value && typeof value === "object" && "_definition" in value && value._module && value._module._runtime) {
      Object.defineProperty(globalThis, "__junhengRuntime", {value: value._module._runtime});
      Set.prototype.add = add;
    }
    return add.call(this, value);
  };
})()`;

const READY = `(async () => {
  const runtime = globalThis.__junhengRuntime;
  if (!runtime || !(runtime._variables instanceof Set) || !("_computing" in runtime)) throw new Error("no Observable runtime caught on " + location.pathname);
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  for (;;) {
    // a computation round is queued for the next frame, or running
    if (runtime._computing) {
      await runtime._computing;
      continue;
    }
    const variables = [...runtime._variables];
    const promises = variables.map((variable) => variable._promise);
    await Promise.allSettled(promises);
    await document.fonts.ready;
    await frames();
    // nothing new since: no round queued, no variable added, none recomputed
    if (!runtime._computing && runtime._variables.size === variables.length && variables.every((variable, i) => variable._promise === promises[i])) return;
  }
})()`;

/** for every page the context opens from now on: catch its runtime (above) */
export async function catchRuntime(context: BrowserContext): Promise<void> {
  await context.addInitScript(CAPTURE);
}

/** every cell of the page has run and what it displays is drawn (see above); the page's context must have
 * been given catchRuntime before the page was opened (build.ts newContext does) */
export async function pageReady(page: Page): Promise<void> {
  await page.evaluate(READY);
}
