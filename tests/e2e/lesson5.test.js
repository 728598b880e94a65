// Lesson 5 walked as a pupil would: the clickable architecture, the parameter count, the
// untrained model's gibberish, temperature and generation.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("lesson 5: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 5, 1);
  await page.click('[data-testid="first-click"]');
  assert.equal(await page.locator(".card .chips .chip").count(), 8);

  // Step 2: every block of the diagram shows its real numbers for ".pik".
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  assert.equal(await page.locator(".arch-block").count(), 8);
  assert.equal(await page.locator('[data-widget="architecture"] path.residual').count(), 2);
  for (let b = 0; b < 8; b++) {
    await page.click(`.arch-block[data-block="${b}"]`);
    const text = await page.locator('[data-testid="block-detail"]').innerText();
    assert.ok(text.length > 40, `block ${b} explains itself: ${text}`);
  }
  assert.match(await page.locator('[data-testid="block-detail"]').innerText(), /%/);
  await page.click('.arch-block[data-block="2"]');
  assert.equal((await page.locator('[data-testid="block-detail"]').innerText()).match(/Tête \d/g).length, 4);
  await page.locator(".two-cols").screenshot({ path: path.join(artifacts, "lecon5-architecture.png") });

  // Step 3: parameter count, live; prediction checked against the formula of the core.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "4192");
  await answer(page, "l5.e1", "4192");
  assert.match(await feedback(page, "l5.e1"), /Pas tout à fait/);
  await answer(page, "l5.e1", "7 264");
  assert.match(await feedback(page, "l5.e1"), /Exact/);
  await page.fill('[data-testid="layer-slider"]', "1");
  assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "7264");
  await page.fill('[data-testid="embd-slider"]', "5");
  await page.fill('[data-testid="layer-slider"]', "2"); // index 2 = 3 layers
  assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), String(2 * 27 * 64 + 16 * 64 + 3 * 12 * 64 * 64));

  // Step 4: untrained → about 1/27 everywhere.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"] [data-widget="prob-bars"] .bar');
  const pcts = await page.locator('[data-widget="prob-bars"] .bar-value').allTextContents();
  const top = parseFloat(pcts[0].replace(",", "."));
  assert.ok(top < 10, `untrained top probability ${top} % is near 3,7 %`);

  // Step 5: temperature on a briefly trained model.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  await page.waitForSelector('[data-testid="temp-slider"]', { timeout: 30000 });
  await page.click('[data-prefix="evo"]');
  const bars = async () => page.locator('[data-widget="prob-bars"] .bar').evaluateAll((gs) => gs.map((g) => [g.dataset.letter, parseFloat(g.querySelector(".bar-value").textContent.replace(",", "."))]));
  const atOne = await bars();
  await page.fill('[data-testid="temp-slider"]', "2");
  const cold = await bars();
  assert.ok(cold[0][1] > atOne[0][1], "cold sharpens the favourite");
  await page.fill('[data-testid="temp-slider"]', "20");
  const warm = await bars();
  assert.ok(warm[0][1] < atOne[0][1], "hot flattens the bars");
  await page.fill('[data-testid="temp-slider"]', "10");
  await answer(page, "l5.e2", atOne[atOne.length - 1][0]);
  assert.match(await feedback(page, "l5.e2"), /n'a que/);
  await answer(page, "l5.e2", atOne[0][0]);
  assert.match(await feedback(page, "l5.e2"), /Oui/);

  await page.locator('[data-exercise="l5.e3"] .choice').first().click();
  assert.match(await feedback(page, "l5.e3"), /Génère d'abord/);
  await page.click('[data-testid="gen-cold"]');
  await page.click('[data-testid="gen-hot"]');
  const coldNames = await page.locator('[data-testid="cold-names"] .chip').allInnerTexts();
  const hotNames = await page.locator('[data-testid="hot-names"] .chip').allInnerTexts();
  assert.ok(coldNames.every((n) => n.startsWith("evo")) && hotNames.every((n) => n.startsWith("evo")), "names start with the prefix");
  const right = new Set(coldNames).size <= new Set(hotNames).size ? 0 : 1;
  await page.locator('[data-exercise="l5.e3"] .choice').nth(right).click();
  assert.match(await feedback(page, "l5.e3"), /Oui/);
  await page.screenshot({ path: path.join(artifacts, "lecon5-temperature.png"), fullPage: true });
  await assertAccessible(page, "lesson 5, temperature");
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "3/3 exercices");
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
