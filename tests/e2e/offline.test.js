// The one-file page, opened through file:// as from a USB stick: lessons work, the Atelier trains
// in a Web Worker made from the page itself, progress persists across reopening, and nothing is
// requested from anywhere.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launch, openPage, answer, feedback, dist, artifacts } from "./harness.js";

const file = path.join(dist, "tuto-llm.html");
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the single file works from file://", async () => {
  assert.ok(fs.existsSync(file), "cargo xtask dist wrote dist/tuto-llm.html");
  const size = fs.statSync(file).size;
  const { page, problems, context } = await openPage(browser);
  const requests = [];
  context.on("request", (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  const t0 = Date.now();
  await page.goto(`${url}#/lecon/1/etape/2`);
  await page.waitForSelector('main[data-lesson="1"][data-step="2"]');
  console.log(`# single file: ${(size / 1e6).toFixed(2)} MB, lesson 1 shown after ${Date.now() - t0} ms from file://`);

  await answer(page, "l1.e1", "u");
  assert.match(await feedback(page, "l1.e1"), /Bravo/);
  await page.goto(`${url}#/lecon/1/etape/4`);
  await answer(page, "l1.e3", "r");
  assert.equal(await page.locator('[data-name="counts"] rect.cell').count(), 729);
  // Lesson 2's gradient descent and lesson 6's GPT train from the file too.
  await page.goto(`${url}#/lecon/2/etape/4`);
  await page.click('[data-testid="train"]');
  await page.waitForSelector('[data-testid="train-status"][data-status="finished"]', { timeout: 20000 });
  await page.goto(`${url}#/lecon/6/etape/5`);
  await page.click('[data-testid="train"]');
  await page.waitForSelector('[data-testid="train-status"][data-status="finished"]', { timeout: 60000 });
  // The Atelier's worker is built from the page's own code (no file to fetch).
  await page.goto(`${url}#/atelier`);
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.click('[data-testid="a-train"]');
  await page.waitForSelector('[data-testid="a-run"][data-status="finished"]', { timeout: 60000 });
  assert.doesNotMatch(await page.locator(".atelier").innerText(), /refuse le calcul en arrière-plan/, "trained in a worker from file://");
  assert.equal(workers.length, 1);
  assert.match(workers[0], /^blob:/, "the worker is made from a blob");
  await page.screenshot({ path: path.join(artifacts, "hors-ligne.png") });

  // Reopen the file: progress kept (localStorage works on file:// in Chromium).
  await page.close();
  const again = await context.newPage();
  await again.goto(`${url}#/lecon/1/etape/2`);
  await again.waitForSelector('main[data-lesson="1"]');
  assert.equal(await again.locator('[data-testid="lesson-counter"]').innerText(), "2\u00a0exercices réussis sur 7");

  const notFile = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(notFile, [], "no request leaves the file");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
