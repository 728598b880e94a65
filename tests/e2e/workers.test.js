// Several workers share the big runs, and a worker that dies never costs the pupil their run:
// the speed test's same-bits check against the native trainer's fingerprint (golden.json) and its
// figures with every core and with one worker; a worker killed behind the page's back during an
// Atelier run (the run carries on with the others, a French sentence says so); the only worker
// killed (the model is kept, « Entraîner » works again); « Arrêter » when the worker is gone. The
// same-bits check and the killed worker also in Firefox ESR and WebKitGTK.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { serve, launch, openPage } from "./harness.js";
import { available, start, chromium } from "./engines.js";
import { OVER, run, statusIs, stepAbove, checkpointAbove, startBigRun } from "./atelier-run.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const golden = JSON.parse(fs.readFileSync(path.join(here, "golden.json"), "utf8"));

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Keeps every worker the page makes in `window.__workers` (in the order made: by rank). */
const WRAP_WORKERS = `(() => {
  if (window.__workers) return true;
  window.__workers = [];
  const Made = window.Worker;
  window.Worker = function (...args) { const w = new Made(...args); window.__workers.push(w); return w; };
  window.Worker.prototype = Made.prototype;
  return true;
})()`;


async function speedTest(run) {
  const report = JSON.parse(await run());
  const { phase2, phase2_one_worker: one } = report;
  // The same bits by either route the workers' messages take (a run keeps the faster).
  const routes = [[report.team_check, "Page"], [report.team_check_channel, "Channel"]];
  for (const [c, route] of routes) assert.equal(c?.route, route, `the check went ${route === "Page" ? "through the page" : "by MessageChannel"}: ${JSON.stringify(c)}`);
  const check = routes.map(([{ route, ...bits }]) => bits);
  return { report, phase2, one, check };
}

test("speed test: 2 workers give the native trainer's bits; every core, then one", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/vitesse`);
  await page.click('[data-testid="bench-run"]');
  await page.waitForSelector('[data-testid="bench-verdict"]', { timeout: 300000 });
  const { phase2, one, check } = await speedTest(() => page.locator('[data-testid="bench-result"]').textContent());
  assert.deepEqual(check, [golden.team_check, golden.team_check], "2 workers in Chromium = 2 native threads, bit for bit, by either route");
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  assert.equal(phase2.workers, Math.min(cores, 8));
  if (cores >= 2) assert.ok(phase2.workers >= 2);
  assert.equal(one.workers, 1);
  assert.ok(phase2.test_loss < 2.5 && one.test_loss < 2.5, `${phase2.test_loss}, ${one.test_loss}`);
  console.log(`# speed test (10 s each): ${phase2.workers} workers ${Math.round(phase2.tokens_per_s)} letters/s, held-out ${phase2.test_loss.toFixed(3)}; ` +
    `1 worker ${Math.round(one.tokens_per_s)} letters/s, held-out ${one.test_loss.toFixed(3)}; ` +
    `×${(phase2.tokens_per_s / one.tokens_per_s).toFixed(2)}; longest main-thread task ${phase2.longest_main_thread_task_ms} ms`);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

/** The Atelier's biggest model on the prénoms, trained until the page keeps a checkpoint past
 * step 10 (a worker lost after this carries on from a model that has learned something). */
async function startBigRunKept(page, { workers } = {}) {
  const e = chromium(page);
  await startBigRun(e, base, { workers, before: WRAP_WORKERS });
  await e.until(checkpointAbove(10), 120000, "a checkpoint past step 10");
}

const status = (page) => page.locator('[data-testid="a-status"]').innerText();

test("a worker killed during a run: the run carries on with the others", async (t) => {
  const { page, problems, context } = await openPage(browser);
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  if (cores < 2) { t.skip("one core: no team"); return; }
  await startBigRunKept(page);
  assert.match(await page.locator('[data-testid="a-cores"]').innerText(), /2\scœurs au travail/);
  const before = (await run(chromium(page))).step;
  const t0 = Date.now();
  // The leader (it holds the run's checkpoints) dies without a word.
  await page.evaluate(() => window.__workers[0].terminate());
  await page.waitForSelector('[data-testid="a-notice"]', { timeout: 20000 });
  const noticed = Date.now() - t0;
  const notice = await page.locator('[data-testid="a-notice"]').innerText();
  assert.match(notice, /ne répondait plus.*continue avec 1\scœur au lieu de 2, depuis le pas [\d\s]+\./);
  // From the last checkpoint the page kept: past step 10, not past where the run was.
  const from = Number(notice.match(/depuis le pas ([\d\s]+)\./)[1].replace(/\D/g, ""));
  assert.ok(from > 10 && from <= before, `carried on from step ${from} (killed at ${before})`);
  // It trains on: the steps go on growing past where it was.
  await chromium(page).until(stepAbove(before + 20), 30000, "steps past where it was");
  console.log(`# killed the leader at step ${before}: noticed in ${noticed} ms; « ${notice} »`);
  await page.click('[data-testid="a-stop"]');
  await chromium(page).until(statusIs(OVER), 10000, "the run over");
  assert.match(await status(page), /Arrêté/);
  assert.ok(await page.locator('[data-testid="a-train"]').isEnabled());
  assert.equal(await page.evaluate(() => window.__workers.length), 3, "2, then 1 made to carry on");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("the only worker killed: the model is kept and « Entraîner » works again", async () => {
  const { page, problems, context } = await openPage(browser);
  await startBigRunKept(page, { workers: 1 });
  const t0 = Date.now();
  await page.evaluate(() => window.__workers[0].terminate());
  await page.waitForSelector('[data-testid="a-notice"]', { timeout: 20000 });
  const notice = await page.locator('[data-testid="a-notice"]').innerText();
  console.log(`# killed the only worker: noticed in ${Date.now() - t0} ms; « ${notice} »`);
  assert.match(notice, /Ton modèle est gardé tel qu'il était au pas [1-9][\d\s]*\s:/);
  assert.match(await status(page), /Arrêté/);
  // The kept model writes names, and a new run starts.
  await page.click('[data-testid="a-generate"]');
  assert.equal(await page.locator('[data-testid="a-names"] .chip').count(), 10);
  assert.ok(await page.locator('[data-testid="a-train"]').isEnabled());
  await page.click('[data-testid="a-train"]');
  await chromium(page).until(stepAbove(0), 60000, "the first step");
  await page.click('[data-testid="a-stop"]');
  await chromium(page).until(statusIs(OVER), 10000, "the run over");
  assert.match(await status(page), /Arrêté/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("« Arrêter » ends the run even when its worker is gone", async () => {
  const { page, problems, context } = await openPage(browser);
  await startBigRunKept(page, { workers: 1 });
  await page.evaluate(() => window.__workers[0].terminate());
  const t0 = Date.now();
  await page.click('[data-testid="a-stop"]');
  await chromium(page).until(statusIs(OVER), 10000, "the run over");
  assert.match(await status(page), /Arrêté/);
  const waited = Date.now() - t0;
  console.log(`# « Arrêter » with a dead worker: stopped in ${waited} ms`);
  assert.ok(waited < 8000, `${waited} ms`);
  assert.ok(await page.locator('[data-testid="a-train"]').isEnabled());
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

for (const [engine, present] of Object.entries(available())) {
  test(`${engine}: the same bits on 2 workers, and a killed worker is replaced`, async (t) => {
    if (!present) {
      if (process.env.REQUIRE_ALL_ENGINES) assert.fail(`${engine} is not installed`);
      t.skip(`${engine} is not installed`);
      return;
    }
    const e = await start(engine);
    try {
      await e.goto(`${base}#/enseignants/vitesse`);
      await e.click('[data-testid="bench-run"]');
      await e.until(`!!document.querySelector('[data-testid="bench-verdict"]')`, 400000, "the verdict");
      const { phase2, one, check } = await speedTest(() => e.js(`document.querySelector('[data-testid="bench-result"]').textContent`));
      assert.deepEqual(check, [golden.team_check, golden.team_check], `2 workers in ${engine} = 2 native threads, bit for bit, by either route`);
      const cores = await e.js("navigator.hardwareConcurrency");
      if (cores >= 2) assert.ok(phase2.workers >= 2, `${phase2.workers} workers`);
      console.log(`# ${engine}: ${phase2.workers} workers ${Math.round(phase2.tokens_per_s)} letters/s, 1 worker ${Math.round(one.tokens_per_s)} letters/s`);

      await startBigRun(e, base, { before: WRAP_WORKERS });
      await e.until(checkpointAbove(10), 120000, "a checkpoint past step 10");
      await e.js("window.__workers[0].terminate() || true");
      await e.until(`!!document.querySelector('[data-testid="a-notice"]')`, 20000, "the notice");
      const notice = await e.text('[data-testid="a-notice"]');
      assert.match(notice, cores >= 2 ? /ne répondait plus/ : /Ton modèle est gardé/);
      // The notice and the status line never move « Arrêter »: one click stops the run.
      await e.click('[data-testid="a-stop"]');
      await e.until(statusIs(OVER), 10000, "the run over");
      assert.match(await e.text('[data-testid="a-status"]'), /Arrêté/);
      assert.equal(await e.js(`document.querySelector('[data-testid="a-train"]').disabled`), false);
    } finally {
      await e.close();
    }
    assert.deepEqual(e.errors, []);
  });
}
