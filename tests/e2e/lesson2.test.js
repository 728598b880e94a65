// Lesson 2 walked as a pupil would, one test per step: loss slider read and explored, zero and
// random weights compared, live training, learning-rate play validated from the runs, learned vs
// counted tables, one surprise read on the curve.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, artifacts, assertAccessible, frames } from "./harness.js";

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

describe("lesson 2, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await gotoStep(page, base, 2, 1);
  });
  after(async () => context?.close());

  test("step 1: the basketball throws", async () => {
    await page.click('[data-testid="first-click"]');
    await page.click('[data-testid="first-click"]');
    assert.equal(await page.locator(".basket svg circle.ball").count(), 2);
  });

  test("step 2: read the loss at 50 %, then the smallest percentage under 0,1", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="2"]');
    await page.fill('[data-testid="p-slider"]', "1");
    assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "4,61");
    await page.fill('[data-testid="p-slider"]', "50");
    const read = await page.locator('[data-testid="loss-value"]').innerText();
    assert.equal(read, "0,69");
    await answer(page, "l2.e1", "0,50");
    assert.match(await feedback(page, "l2.e1"), /Pas encore/);
    // « avec 2 chiffres après la virgule »: the rounded « 0,7 » is asked again, not counted.
    await answer(page, "l2.e1", "0,7");
    assert.match(await feedback(page, "l2.e1"), /2 chiffres après la virgule/);
    assert.match(await page.locator('[data-exercise="l2.e1"] [data-testid="tries-note"]').innerText(), /2\u00a0essais/);
    await answer(page, "l2.e1", read);
    assert.match(await feedback(page, "l2.e1"), /Exact/);
    // The pupil explores: at 90 % the loss is still 0,105, at 91 % it is under 0,1.
    await page.fill('[data-testid="p-slider"]', "90");
    assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "0,11");
    await page.fill('[data-testid="p-slider"]', "91");
    assert.equal(await page.locator('[data-testid="loss-value"]').innerText(), "0,09");
    await answer(page, "l2.e2", "100");
    assert.match(await feedback(page, "l2.e2"), /cas parfait/);
    assert.equal(await page.locator('[data-exercise="l2.e2"] .badge-done').count(), 0, "no « réussi » badge beside a « pas encore » message");
    // Above or below the answer, a wrong try says where to look, not which way to move.
    await answer(page, "l2.e2", "95");
    const above = (await feedback(page, "l2.e2")).replace("95", "_");
    await answer(page, "l2.e2", "90");
    const below = (await feedback(page, "l2.e2")).replace("90", "_");
    assert.equal(above, below, "no direction given");
    assert.doesNotMatch(below, /[Mm]onte|[Dd]escends|plus haut|plus bas/);
    assert.match(below, /curseur.*loss =/);
    await answer(page, "l2.e2", "91");
    assert.match(await feedback(page, "l2.e2"), /Oui/);
    assert.equal(await outcome(page, "l2.e2"), "done", "found at the 4th real try");
  });

  test("step 3: zero and random weights; the result sits under the buttons", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.locator('[data-name="random"] rect.cell').count(), 729);
    assert.ok(frNumber(await page.locator('[data-testid="random-loss"]').innerText()) > 3.3, "random weights do worse than chance");
    await choose(page, "l2.e3", 0);
    assert.match(await feedback(page, "l2.e3"), /Essaie d'abord les deux boutons/, "answerable once both are seen");
    assert.equal(await outcome(page, "l2.e3"), null);
    await page.click('[data-testid="zero-weights"]');
    assert.equal(await page.locator('[data-testid="random-loss"]').innerText(), "3,30");
    const button = await page.locator('[data-testid="zero-weights"]').boundingBox();
    const result = await page.locator('[data-testid="random-loss"]').boundingBox();
    assert.ok(result.y - button.y < 200, "the loss appears right under the buttons");
    assert.match(await page.locator('[data-testid="random-legend"]').innerText(), /toutes les cases pareilles/, "all-zero weights are not « beaucoup »");
    await choose(page, "l2.e3", 0);
    assert.match(await feedback(page, "l2.e3"), /Exactement/);
  });

  test("step 4: live training with pause / resume", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="4"]');
    await page.click('[data-testid="train"]');
    const restartAt = () => page.locator('[data-testid="restart"]').evaluate((el) => { const r = el.getBoundingClientRect(); return [Math.round(r.x + scrollX), Math.round(r.y + scrollY)]; });
    const running = await restartAt();
    await page.click('[data-testid="pause"]');
    await page.waitForSelector('[data-testid="resume"]');
    assert.deepEqual(await restartAt(), running, "« Recommencer » stays where it was when the run pauses");
    assert.match(await page.locator('[data-testid="train-status"]').innerText(), /En pause/);
    const paused = await page.locator('[data-widget="loss-curve"] .run path').getAttribute("d");
    await frames(page, 20);
    assert.equal(await page.locator('[data-widget="loss-curve"] .run path').getAttribute("d"), paused, "nothing moves while paused (20 frames)");
    await page.click('[data-testid="resume"]');
    await page.waitForSelector('[data-testid="train-status"][data-status="finished"]', { timeout: 20000 });
    assert.deepEqual(await restartAt(), running, "… and when it ends");
    const legend = await page.locator(".legend-list li").innerText();
    const final = frNumber(legend.match(/dernière loss d'entraînement ([\d,]+)/)[1]);
    assert.ok(final < 2.2, `the loss falls: ${legend}`);
  });

  test("step 5: one run that explodes, one that learns, judged from the runs", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="5"]');
    await page.click("text=Effacer les courbes");
    await page.fill('[data-testid="lr-slider"]', "0");
    assert.equal(await page.locator('[data-testid="lr-value"]').innerText(), "0,1");
    await page.click('[data-testid="train-lr"]');
    await runsSettled(page, 1);
    assert.equal(await outcome(page, "l2.e4"), null);
    await page.fill('[data-testid="lr-slider"]', "8");
    await page.click('[data-testid="train-lr"]');
    await runsSettled(page, 2);
    assert.match(await page.locator(".legend-list li").nth(1).innerText(), /explosé/);
    assert.match(await feedback(page, "l2.e4"), /Trouve maintenant un taux qui apprend bien/);
    await page.fill('[data-testid="lr-slider"]', "5");
    await page.click('[data-testid="train-lr"]');
    await runsSettled(page, 3);
    assert.match(await feedback(page, "l2.e4"), /les deux/);
    const plot = await page.locator('[data-widget="loss-curve"] clipPath rect').boundingBox();
    const line = await page.locator('[data-widget="loss-curve"] .run').nth(1).boundingBox();
    assert.ok(line.y >= plot.y - 1 && line.y + line.height <= plot.y + plot.height + 1, "the exploded curve does not leave the chart");
    await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon2-courbes.png") });
    await assertAccessible(page, "lesson 2, three runs");
  });

  test("step 6: learned next to counted (no overflow, no jump); the surprise of « r » after « a »", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="6"]');
    assert.equal(await page.locator('[data-name="learned"] rect.cell').count(), 729);
    const card = await page.locator(".side-by-side").boundingBox();
    for (const name of ["learned", "counted"]) {
      const box = await page.locator(`[data-name="${name}"] svg`).boundingBox();
      assert.ok(box.x + box.width <= card.x + card.width + 1, `the ${name} table stays inside its card`);
    }
    const grid = page.locator('[data-name="learned"] svg');
    const y0 = (await grid.boundingBox()).y;
    await page.hover('[data-name="learned"] rect.cell[data-row="1"][data-col="18"]');
    await page.hover('[data-name="learned"] rect.cell[data-row="3"][data-col="1"]');
    assert.ok(Math.abs((await grid.boundingBox()).y - y0) < 2, "reading a cell does not move the table");
    assert.equal(await page.locator('[data-testid="invent"]').count(), 0);
    assert.match(await page.locator("main").innerText(), /Réponds d'abord à l'exercice 5/, "the generated names wait for the answer");
    await choose(page, "l2.e5", 1);
    assert.match(await feedback(page, "l2.e5"), /Exactement/);
    assert.ok(await page.locator('[data-exercise="l2.e5"] [data-choice="0"]').isDisabled(), "one choice only");
    const p = Number(await page.locator('[data-name="learned"] rect.cell[data-row="1"][data-col="18"]').getAttribute("data-value"));
    assert.equal(await page.getAttribute('[data-exercise-input="l2.e6"]', "placeholder"), "un nombre à virgule", "no number in the box's example");
    await answer(page, "l2.e6", String(Math.round(100 * p)));
    assert.match(await feedback(page, "l2.e6"), /la probabilité/);
    await page.fill('[data-testid="p-slider-compare"]', String(Math.round(100 * p)));
    const shown = await page.locator('[data-widget="loss-slider"] [data-testid="loss-value"]').last().innerText();
    await answer(page, "l2.e6", shown);
    assert.match(await feedback(page, "l2.e6"), new RegExp(`Exact.*surprise de ${shown}`), "the feedback quotes the value read");
    await page.click('[data-testid="invent"]');
    assert.equal(await page.locator(".generator .chips .chip").count(), 10);
    await assertAccessible(page, "lesson 2, learned vs counted");
  });

  test("step 7: recap; results survive a reload", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="7"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    const before = await counter(page);
    await page.reload();
    await page.waitForSelector('main[data-step="7"]');
    assert.equal(await counter(page), before);
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
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
  assert.equal(await outcome(page, "l2.e5"), "done");
  for (let i = 0; i < 3; i++) assert.ok(await page.locator(`[data-exercise="l2.e5"] [data-choice="${i}"]`).isDisabled());
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "0\u00a0exercice réussi sur 6");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
