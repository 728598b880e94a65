// No Atelier run stays at its last step (issue 28.5), whatever the pupil clicks during it: a
// « Grand » run (phase-2 model, 500 steps, every core) is started and, while it trains, every
// button and choice of the page is used — pause and resume, the ready-made sizes, the data
// choices, the alphabet, the sliders, « Utiliser ma liste », the guide — and the ones that must
// wait (train, save, open, both take-home buttons) are checked disabled and clicked anyway, as a
// pupil would. The run must then reach its last step and end (`data-status` finished, stopped or
// lost with a message) within seconds of it. Then « Arrêter » during a run, and while paused,
// must end it within seconds. In Chromium with the CPU slowed 4× (CDP), then in Firefox ESR and
// WebKitGTK through `engines.js` (same REQUIRE_ALL_ENGINES rule as workers.test.js).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage } from "./harness.js";
import { available, start, chromium } from "./engines.js";
import { RUN, OVER, run, statusIs, stepAbove, slide, startBigRun } from "./atelier-run.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** How long a run may take to end once its last step is done, or once « Arrêter » is clicked. */
const END_WITHIN_MS = 20000;
const js = JSON.stringify;

/** Every button and choice of the Atelier, used while the run trains; returns what was used. */
async function useEverything(e) {
  const used = [];
  const stopAt = () => e.js(`(() => { const r = document.querySelector('[data-testid="a-stop"]').getBoundingClientRect(); return [Math.round(r.x + scrollX), Math.round(r.y + scrollY)]; })()`);
  const running = await stopAt();
  await e.click('[data-testid="a-pause"]');
  await e.until(statusIs(["paused"]), 30000, "paused");
  // « Reprendre » takes the place of « Pause »: « Arrêter » does not move on the page (a click
  // may scroll the window: the place is measured from the page's top).
  assert.deepEqual(await stopAt(), running, "« Arrêter » stays where it was when the run pauses");
  await e.click('[data-testid="a-resume"]');
  await e.until(statusIs(["running"]), 30000, "running again");
  used.push("a-pause", "a-resume");
  // The ones that wait for the end of the run: disabled, and clicked anyway.
  for (const id of ["a-train", "a-save", "a-load", "take-home-python", "take-home-pytorch"]) {
    assert.ok(await e.js(`document.querySelector('[data-testid="${id}"]').disabled`), `${id} waits during the run`);
    await e.js(`document.querySelector('[data-testid="${id}"]').click()`);
    used.push(`${id} (disabled)`);
  }
  for (const id of ["a-preset-0", "a-preset-1", "a-preset-2", "extended-alphabet", "extended-alphabet", "use-own"]) {
    await e.click(`[data-testid="${id}"]`);
    used.push(id);
  }
  for (const d of ["pokemon", "dinosaures", "mots", "prenoms"]) {
    await e.click(`[data-dataset="${d}"]`);
    used.push(d);
  }
  for (const [id, i] of [["a-steps", 2], ["a-layers", 1], ["a-heads", 0], ["a-embd", 3], ["a-block", 2], ["a-batch", 1], ["a-lr", 4], ["a-temp", 5]]) {
    if (await e.js(`!!document.querySelector('[data-testid="${id}"]')`)) {
      await slide(e, id, i);
      used.push(id);
    }
  }
  await e.click(".atelier .guide summary");
  await e.click(".atelier .guide summary");
  used.push("guide");
  // Anything else the page offers now (a button added later is used too).
  const others = await e.js(`[...document.querySelectorAll("main button:not([disabled])")].map((b) => b.dataset.testid || b.textContent.trim())
    .filter((id) => !["a-pause", "a-resume", "a-stop"].includes(id) && !${js(used)}.includes(id))`);
  for (const id of others) {
    await e.js(`[...document.querySelectorAll("main button:not([disabled])")].find((b) => (b.dataset.testid || b.textContent.trim()) === ${js(id)})?.click()`);
    used.push(id);
  }
  return used;
}

/** What a run that did not end in time does next (each change, for up to 5 minutes): tells a
 * slow end from a stuck one. */
async function watchLonger(e) {
  const seen = [];
  const t0 = Date.now();
  while (Date.now() - t0 < 300000) {
    const now = await e.js(`(() => { const r = document.querySelector(${js(RUN)}); return [r.dataset.status, r.dataset.step,
      document.querySelector('[data-testid="a-status"]')?.textContent, document.querySelector('[data-testid="a-notice"]')?.textContent ?? ""].join(" | "); })()`);
    const line = `${Math.round((Date.now() - t0) / 1000)} s: ${now}`;
    if (seen.at(-1)?.split(": ").slice(1).join(": ") !== now) seen.push(line);
    if (OVER.includes(now.split(" | ")[0])) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return seen.join(" / ");
}

/** The whole scenario in one engine: prints what it measured, fails if a run did not end. */
async function scenario(e, engine) {
  await startBigRun(e, base, { steps: 0 }); // 500 steps
  const used = await useEverything(e);
  const { status, steps } = await run(e);
  assert.ok(!OVER.includes(status), `still training after the clicks (${status})`);
  await e.until(`${stepAbove(steps - 2)} || ${statusIs(OVER)}`, 900000, "the last step");
  const last = Date.now();
  await e.until(statusIs(OVER), END_WITHIN_MS, `the end within ${END_WITHIN_MS} ms of the last step`)
    .catch(async (err) => { throw new Error(`${err.message}; then ${await watchLonger(e)}`); });
  const ended = await run(e);
  const tookEnd = Date.now() - last;
  if (ended.status === "lost") assert.ok(await e.js(`!!document.querySelector('[data-testid="a-notice"], ${RUN} .feedback.ko')`), "a lost run says so");
  assert.equal(ended.status, "finished", `${engine}: the run went to its end (${ended.status} at step ${ended.step})`);

  // « Arrêter » during a « Grand » run, then while paused.
  await e.click('[data-testid="a-preset-2"]');
  const stops = [];
  for (const paused of [false, true]) {
    await e.click('[data-testid="a-train"]');
    await e.until(stepAbove(0), 300000, "the first step");
    if (paused) {
      await e.click('[data-testid="a-pause"]');
      await e.until(statusIs(["paused"]), 30000, "paused");
    }
    const t0 = Date.now();
    await e.click('[data-testid="a-stop"]');
    await e.until(statusIs(OVER), END_WITHIN_MS, `the stop within ${END_WITHIN_MS} ms`);
    stops.push(Date.now() - t0);
    assert.equal((await run(e)).status, "stopped");
  }
  console.log(`# ${engine}: used ${used.length} buttons and choices during a « Grand » run; ` +
    `it ended ${tookEnd} ms after its last step (${ended.status}, step ${ended.step} of ${ended.steps}); ` +
    `« Arrêter » ended a run in ${stops[0]} ms, a paused one in ${stops[1]} ms`);
}

test("chromium, CPU slowed 4×: every click during a « Grand » run, and it still ends at its last step", async () => {
  const { page, problems, context } = await openPage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  await scenario(chromium(page), "chromium (CPU ÷4)");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

for (const [engine, present] of Object.entries(available())) {
  test(`${engine}: every click during a « Grand » run, and it still ends at its last step`, async (t) => {
    if (!present) {
      if (process.env.REQUIRE_ALL_ENGINES) assert.fail(`${engine} is not installed`);
      t.skip(`${engine} is not installed`);
      return;
    }
    const e = await start(engine);
    try {
      await scenario(e, engine);
    } finally {
      await e.close();
    }
    assert.deepEqual(e.errors, []);
  });
}
