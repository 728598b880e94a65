// Lesson 2 walked as a pupil would: loss slider, random weights, live training, learning-rate
// play validated from the runs, learned vs counted tables.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const counter = (page) => page.locator('[data-testid="lesson-counter"]').innerText();

test("lesson 2: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 2, 1);
  await page.click('[data-testid="first-click"]');
  await page.click('[data-testid="first-click"]');
  assert.equal(await page.locator(".basket svg circle.ball").count(), 2);

  // Step 2: the loss slider; the exercise is validated from the slider's position.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  await page.fill('[data-testid="p-slider"]', "1");
  assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "4,61");
  await page.fill('[data-testid="p-slider"]', "100");
  assert.match(await feedback(page, "l2.e1"), /plus petite que 1/);
  await page.fill('[data-testid="p-slider"]', "95");
  assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "0,05");
  assert.match(await feedback(page, "l2.e1"), /Oui/);
  await page.locator('[data-widget="loss-slider"]').screenshot({ path: path.join(artifacts, "lecon2-loss.png") });

  // Step 3: random weights; all-zero weights give exactly ln 27. (← → are left to the focused
  // slider, so the pupil uses the Next button here.)
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-name="random"] rect.cell').count(), 729);
  await page.click('[data-testid="zero-weights"]');
  assert.equal(await page.locator('[data-testid="random-loss"]').innerText(), "3,30");
  await answer(page, "l2.e2", "2");
  assert.match(await feedback(page, "l2.e2"), /Pas encore/);
  await answer(page, "l2.e2", "3,30");
  assert.match(await feedback(page, "l2.e2"), /Parfait/);

  // Step 4: live training with pause / resume.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="4"]');
  await page.click('[data-testid="train"]');
  await page.click('[data-testid="pause"]');
  await page.waitForSelector('[data-testid="resume"]');
  assert.match(await page.locator('[data-testid="train-status"]').innerText(), /En pause/);
  const paused = await page.locator(".legend-list li").innerText();
  await page.waitForTimeout(300);
  assert.equal(await page.locator(".legend-list li").innerText(), paused, "nothing moves while paused");
  await page.click('[data-testid="resume"]');
  await page.waitForSelector("text=Terminé !", { timeout: 20000 });
  const legend = await page.locator(".legend-list li").innerText();
  const final = Number(legend.match(/dernière loss ([\d,]+)/)[1].replace(",", "."));
  assert.ok(final < 2.2, `the loss falls: ${legend}`);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 1);

  // Step 5: one run that explodes, one that learns: both validated from the runs.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="5"]');
  await page.fill('[data-testid="lr-slider"]', "0");
  assert.equal(await page.locator('[data-testid="lr-value"]').innerText(), "0,1");
  await page.click('[data-testid="train-lr"]');
  await page.fill('[data-testid="lr-slider"]', "8");
  assert.equal(await page.locator('[data-testid="lr-value"]').innerText(), "1000");
  await page.click('[data-testid="train-lr"]');
  await page.waitForFunction(() => document.querySelectorAll(".legend-list li").length === 3 && !/ 0 pas|\b[0-9] pas|[1-9][0-9] pas/.test([...document.querySelectorAll(".legend-list li")].slice(1).map((l) => l.textContent).join(" ")), null, { timeout: 20000 });
  assert.match(await page.locator(".legend-list li").nth(2).innerText(), /explosion/);
  // Two runs so far: one good (from step 4) and one exploded → solved.
  assert.match(await feedback(page, "l2.e3"), /les deux/);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 3);
  await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon2-courbes.png") });
  await assertAccessible(page, "lesson 2, three runs");

  // Step 6: learned next to counted; the answer is checked against the learned table.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  assert.equal(await page.locator('[data-name="learned"] rect.cell').count(), 729);
  assert.equal(await page.locator('[data-name="counted"] rect.cell').count(), 729);
  const row0 = await page.locator('[data-name="learned"] rect.cell[data-row="0"]').evaluateAll((cells) => cells.map((c) => Number(c.dataset.value)));
  const best = row0.indexOf(Math.max(...row0));
  const worst = row0.indexOf(Math.min(...row0.slice(1)));
  const letter = (i) => (i === 0 ? "." : String.fromCharCode(96 + i));
  await answer(page, "l2.e4", letter(worst));
  assert.match(await feedback(page, "l2.e4"), /seulement/);
  await answer(page, "l2.e4", letter(best));
  assert.match(await feedback(page, "l2.e4"), /Oui/);
  await page.locator('[data-exercise="l2.e5"] .choice').nth(0).click();
  assert.match(await feedback(page, "l2.e5"), /Regarde mieux/);
  await page.locator('[data-exercise="l2.e5"] .choice').nth(1).click();
  assert.match(await feedback(page, "l2.e5"), /Exactement/);
  await page.click('[data-testid="invent"]');
  assert.equal(await page.locator(".generator .chips .chip").count(), 10);
  await page.locator(".side-by-side").screenshot({ path: path.join(artifacts, "lecon2-appris-compte.png") });
  await assertAccessible(page, "lesson 2, learned vs counted");
  assert.equal(await counter(page), "5/5 exercices");

  // Step 7: recap; progress survives a reload.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="7"]');
  assert.match(await page.locator(".learned").innerText(), /ln 27/);
  await page.reload();
  await page.waitForSelector('main[data-step="7"]');
  assert.equal(await counter(page), "5/5 exercices");
  await page.screenshot({ path: path.join(artifacts, "lecon2-fin.png"), fullPage: true });
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 2: step 6 offers to train when no run exists yet", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 2, 6);
  await answer(page, "l2.e4", "a");
  assert.match(await feedback(page, "l2.e4"), /Entraîne d'abord/);
  await page.click('[data-testid="train-compare"]');
  await page.waitForSelector('[data-name="learned"]', { timeout: 20000 });
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
