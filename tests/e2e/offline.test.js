// The one-file page, opened through file:// as from a USB stick: lesson 1 works, an exercise
// is solved, progress persists across reopening, and nothing is requested from anywhere.
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
  // A "training run" of lesson 1: count the pairs, then the heatmap and the generator.
  await page.goto(`${url}#/lecon/1/etape/5`);
  assert.equal(await page.locator('[data-name="counts"] rect.cell').count(), 729);
  await page.goto(`${url}#/lecon/1/etape/7`);
  await page.click('[data-testid="invent"]');
  assert.equal(await page.locator(".generator .chips .chip").count(), 10);
  // Lesson 2's gradient-descent training runs from the file too.
  await page.goto(`${url}#/lecon/2/etape/4`);
  await page.click('[data-testid="train"]');
  await page.waitForSelector("text=Terminé !", { timeout: 20000 });
  await page.screenshot({ path: path.join(artifacts, "hors-ligne.png") });

  // Reopen the file: progress kept (localStorage works on file:// in Chromium).
  await page.close();
  const again = await context.newPage();
  await again.goto(`${url}#/lecon/1/etape/2`);
  await again.waitForSelector('main[data-lesson="1"]');
  assert.equal(await again.locator('[data-testid="lesson-counter"]').innerText(), "1/4 exercices");

  const notFile = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:"));
  assert.deepEqual(notFile, [], "no request leaves the file");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
