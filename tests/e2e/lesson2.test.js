// Lesson 2 walked as a pupil would: loss slider read and explored, all-zero weights, live
// training, learning-rate play validated from the runs, learned vs counted tables, one surprise.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const counter = (page) => page.locator('[data-testid="lesson-counter"]').innerText();

/** Waits until every run in the legend has finished (or exploded). */
async function runsSettled(page, count) {
  await page.waitForFunction((n) => {
    const items = [...document.querySelectorAll(".legend-list li")];
    const status = document.querySelector('[data-testid="train-status"]')?.textContent || "";
    return items.length === n && /Terminé|explosé/.test(status);
  }, count, { timeout: 30000 });
}

test("lesson 2: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 2, 1);
  await page.click('[data-testid="first-click"]');
  await page.click('[data-testid="first-click"]');
  assert.equal(await page.locator(".basket svg circle.ball").count(), 2);

  // Step 2: read the loss at 50 % on the slider; then find a loss under 0,1 without 100 %.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  await page.fill('[data-testid="p-slider"]', "1");
  assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "4,61");
  await page.fill('[data-testid="p-slider"]', "50");
  const read = await page.locator('[data-testid="loss-value"]').innerText();
  assert.equal(read, "0,69");
  await answer(page, "l2.e1", "0,5");
  assert.match(await feedback(page, "l2.e1"), /Pas encore/);
  await answer(page, "l2.e1", read);
  assert.match(await feedback(page, "l2.e1"), /Exact/);
  assert.equal(await outcome(page, "l2.e2"), null, "the task is not solved before the pupil moves the slider");
  await page.fill('[data-testid="p-slider"]', "100");
  assert.match(await feedback(page, "l2.e2"), /cas parfait/);
  await page.fill('[data-testid="p-slider"]', "95");
  assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "0,05");
  assert.match(await feedback(page, "l2.e2"), /Oui/);
  await page.locator('[data-widget="loss-slider"]').screenshot({ path: path.join(artifacts, "lecon2-loss.png") });

  // Step 3: random weights are surer and wronger than chance; all-zero weights give 3,30.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-name="random"] rect.cell').count(), 729);
  assert.ok(frNumber(await page.locator('[data-testid="random-loss"]').innerText()) > 3.3, "random weights do worse than chance");
  await answer(page, "l2.e3", "3,30");
  assert.match(await feedback(page, "l2.e3"), /Clique d'abord/, "the answer counts only once the pupil has looked");
  await page.click('[data-testid="zero-weights"]');
  assert.equal(await page.locator('[data-testid="random-loss"]').innerText(), "3,30");
  await answer(page, "l2.e3", "2");
  assert.match(await feedback(page, "l2.e3"), /Pas encore/);
  await answer(page, "l2.e3", "3,30");
  assert.match(await feedback(page, "l2.e3"), /Parfait/);

  // Step 4: live training with pause / resume.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="4"]');
  await page.click('[data-testid="train"]');
  await page.click('[data-testid="pause"]');
  await page.waitForSelector('[data-testid="resume"]');
  assert.match(await page.locator('[data-testid="train-status"]').innerText(), /En pause/);
  const paused = await page.locator('[data-widget="loss-curve"] .run path').getAttribute("d");
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').getAttribute("d"), paused, "nothing moves while paused");
  await page.click('[data-testid="resume"]');
  await page.waitForSelector("text=Terminé\u00a0!", { timeout: 20000 });
  const legend = await page.locator(".legend-list li").innerText();
  const final = frNumber(legend.match(/dernière loss d'entraînement ([\d,]+)/)[1]);
  assert.ok(final < 2.2, `the loss falls: ${legend}`);

  // Step 5: one run that explodes, one that learns: validated from the runs, not from clicks.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="5"]');
  await page.click("text=Effacer les courbes");
  await page.fill('[data-testid="lr-slider"]', "0");
  assert.equal(await page.locator('[data-testid="lr-value"]').innerText(), "0,1");
  await page.click('[data-testid="train-lr"]');
  await runsSettled(page, 1);
  assert.ok(frNumber((await page.locator(".legend-list li").innerText()).match(/([\d,]+)$/)[1]) > 3, "a tiny rate barely learns");
  assert.equal(await outcome(page, "l2.e4"), null);
  await page.fill('[data-testid="lr-slider"]', "8");
  assert.equal(await page.locator('[data-testid="lr-value"]').innerText(), "1\u00a0000");
  await page.click('[data-testid="train-lr"]');
  await runsSettled(page, 2);
  assert.match(await page.locator(".legend-list li").nth(1).innerText(), /explosé/);
  assert.match(await feedback(page, "l2.e4"), /Trouve maintenant un taux qui apprend bien/);
  await page.fill('[data-testid="lr-slider"]', "5");
  await page.click('[data-testid="train-lr"]');
  await runsSettled(page, 3);
  assert.match(await feedback(page, "l2.e4"), /les deux/);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 3);
  // The exploded run stays inside the chart: its line is clipped to the plot area.
  const plot = await page.locator('[data-widget="loss-curve"] clipPath rect').boundingBox();
  const line = await page.locator('[data-widget="loss-curve"] .run').nth(1).boundingBox();
  assert.ok(line.y >= plot.y - 1 && line.y + line.height <= plot.y + plot.height + 1, "the exploded curve does not leave the chart");
  await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon2-courbes.png") });
  await assertAccessible(page, "lesson 2, three runs");

  // Step 6: learned next to counted; the surprise of « r » after « a » read from the learned table.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  assert.equal(await page.locator('[data-name="learned"] rect.cell').count(), 729);
  assert.equal(await page.locator('[data-name="counted"] rect.cell').count(), 729);
  await choose(page, "l2.e5", 1);
  assert.match(await feedback(page, "l2.e5"), /Exactement/);
  assert.ok(await page.locator('[data-exercise="l2.e5"] [data-choice="0"]').isDisabled(), "one choice only");
  const p = Number(await page.locator('[data-name="learned"] rect.cell[data-row="1"][data-col="18"]').getAttribute("data-value"));
  const surprise = -Math.log(p);
  await answer(page, "l2.e6", "3,30");
  assert.match(await feedback(page, "l2.e6"), /Pas encore/);
  await page.fill('[data-testid="p-slider-compare"]', String(Math.round(100 * p)));
  await answer(page, "l2.e6", surprise.toFixed(2).replace(".", ","));
  assert.match(await feedback(page, "l2.e6"), /Exact/);
  await page.click('[data-testid="invent"]');
  assert.equal(await page.locator(".generator .chips .chip").count(), 10);
  await page.locator(".side-by-side").screenshot({ path: path.join(artifacts, "lecon2-appris-compte.png") });
  await assertAccessible(page, "lesson 2, learned vs counted");
  assert.equal(await counter(page), "6\u00a0exercices réussis sur 6");

  // Step 7: recap; progress survives a reload.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="7"]');
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  await page.reload();
  await page.waitForSelector('main[data-step="7"]');
  assert.equal(await counter(page), "6\u00a0exercices réussis sur 6");
  await page.screenshot({ path: path.join(artifacts, "lecon2-fin.png"), fullPage: true });
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 2: the comparison waits for a trained model, and a wrong pick is final", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 2, 6);
  await choose(page, "l2.e5", 1);
  assert.match(await feedback(page, "l2.e5"), /pas encore affichés/);
  assert.equal(await outcome(page, "l2.e5"), null, "clicking before the tables are shown spends nothing");
  await answer(page, "l2.e6", "1");
  assert.match(await feedback(page, "l2.e6"), /pas encore affichés/);
  await page.click('[data-testid="train-compare"]');
  await page.waitForSelector('[data-name="learned"]', { timeout: 20000 });
  await choose(page, "l2.e5", 0);
  assert.match(await feedback(page, "l2.e5"), /Ce n'est pas ça/);
  assert.equal(await outcome(page, "l2.e5"), "missed");
  for (let i = 0; i < 3; i++) assert.ok(await page.locator(`[data-exercise="l2.e5"] [data-choice="${i}"]`).isDisabled());
  assert.equal(await counter(page), "0\u00a0exercice réussi sur 6");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
