// Lesson 5 walked as a pupil would: the plan followed with the real numbers of « .pik », a
// parameter count predicted then checked with the sliders, an untrained model's gibberish,
// temperature (the answers read from the bars and lists here), and a Pokémon of one's own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, datasetNames, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const barValues = (page) => page.locator('[data-widget="prob-bars"] .bar').evaluateAll((bars) =>
  bars.map((b) => [b.dataset.letter, parseFloat(b.querySelector(".bar-value").textContent.replace(",", "."))]));

test("lesson 5: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 5, 1);
  await page.click('[data-testid="first-click"]');
  assert.ok(await page.locator(".chips .chip").count() >= 5);

  // Step 2: every block of the plan shows its real numbers for « .pik ».
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  assert.equal(await page.locator(".arch-block").count(), 8);
  for (let b = 0; b < 8; b++) {
    await page.click(`.arch-block[data-block="${b}"]`);
    const text = await page.locator('[data-testid="block-detail"]').innerText();
    assert.ok(text.length > 40, `block ${b} explains itself: ${text}`);
  }
  await page.click('.arch-block[data-block="2"]');
  assert.equal((await page.locator('[data-testid="block-detail"]').innerText()).match(/Tête \d/g).length, 4);
  await page.click('.arch-block[data-block="4"]');
  const lit = Number((await page.locator('[data-testid="neurons"]').innerText()).match(/^(\d+)/)[1]);
  await answer(page, "l5.e1", String(lit + 1));
  assert.match(await feedback(page, "l5.e1"), /Pas|Regarde/);
  await answer(page, "l5.e1", String(lit));
  assert.match(await feedback(page, "l5.e1"), /Exact/);
  await page.locator('[data-widget="architecture"]').screenshot({ path: path.join(artifacts, "lecon5-plan.png") });

  // Step 3: predict the count for 2 layers (the counter is hidden until then), then build a model.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-testid="gpt-params"]').count(), 0, "the counter waits for the prediction");
  await answer(page, "l5.e2", "deux");
  assert.match(await feedback(page, "l5.e2"), /nombre entier/);
  assert.equal(await outcome(page, "l5.e2"), null);
  await answer(page, "l5.e2", String(1120 + 2 * 3072));
  assert.match(await feedback(page, "l5.e2"), /Bien prédit/);
  assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "4\u00a0192");
  await page.fill('[data-testid="layer-slider"]', "1");
  assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "7\u00a0264", "the prediction holds");
  assert.match(await feedback(page, "l5.e3"), /il en faut au moins 50/);
  await page.fill('[data-testid="embd-slider"]', "3");
  assert.notEqual(await outcome(page, "l5.e3"), "solved", "32 is not enough");
  await page.fill('[data-testid="embd-slider"]', "4");
  const params = frNumber(await page.locator('[data-testid="gpt-params"]').innerText());
  assert.ok(params >= 50000, `${params} parameters`);
  assert.match(await feedback(page, "l5.e3"), /Réussi/);
  await page.fill('[data-testid="head-slider"]', "0");
  await page.fill('[data-testid="embd-slider"]', "0");
  await page.fill('[data-testid="head-slider"]', "2");
  assert.ok((await page.locator('[data-testid="gpt-params"]').count()) === 1);
  assert.equal(await page.locator(".giants tr").count() > 3, true);

  // Step 4: the untrained model hesitates between all letters, and writes gibberish.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  for (const [, v] of await barValues(page)) assert.ok(v > 1 && v < 10, `untrained: every shown letter near 1 in 27 (${v} %)`);
  assert.equal(await page.locator('[data-testid="gibberish"] .chip').count(), 8);

  // Step 5: a briefly trained model; the most likely letter is read from the bars at T = 1.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"] [data-widget="prob-bars"] .bar', { timeout: 60000 });
  await page.click('[data-prefix="evo"]');
  const bars = await barValues(page);
  const top = bars.reduce((b, x) => (x[1] > b[1] ? x : b));
  const low = bars.reduce((b, x) => (x[1] < b[1] ? x : b));
  await answer(page, "l5.e4", low[0]);
  assert.match(await feedback(page, "l5.e4"), /n.a que/);
  await answer(page, "l5.e4", top[0]);
  assert.match(await feedback(page, "l5.e4"), /Oui|Exact|Bravo/);
  // Temperature reshapes the bars: colder sharpens the top one.
  await page.fill('[data-testid="temp-slider"]', "3");
  assert.equal(await page.locator('[data-testid="temp-slider-value"]').innerText(), "0,3");
  const cold = await barValues(page);
  assert.ok(Math.max(...cold.map((x) => x[1])) >= top[1], "colder: the favourite gets surer");
  await choose(page, "l5.e5", 0);
  assert.match(await feedback(page, "l5.e5"), /Génère d'abord/);
  await page.click('[data-testid="gen-cold"]');
  await page.click('[data-testid="gen-hot"]');
  const distinct = async (id) => new Set(await page.locator(`[data-testid="${id}"] .chip`).allInnerTexts()).size;
  const [c, h] = [await distinct("cold-names"), await distinct("hot-names")];
  console.log(`# lesson 5: ${c} different names at 0,1, ${h} at 2`);
  await choose(page, "l5.e5", c <= h ? 0 : 1);
  assert.match(await feedback(page, "l5.e5"), /Oui/);
  await assertAccessible(page, "lesson 5, temperature");

  // Step 6: a new Pokémon starting with the first 3 letters of a typed first name.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"] [data-testid="invent-own"]', { timeout: 60000 });
  assert.ok(await page.locator('[data-testid="invent-own"]').isDisabled());
  await page.fill('[data-testid="own-prefix"]', "Lé");
  await page.click(".word-input button");
  assert.match(await feedback(page, "l5.e6"), /au moins 3 lettres/);
  await page.fill('[data-testid="own-prefix"]', "Pierre");
  await page.click(".word-input button");
  await page.fill('[data-testid="create-temp"]', "15");
  const pokemon = new Set(datasetNames("pokemon.txt"));
  let ok = false;
  for (let i = 0; i < 10 && !ok; i++) {
    await page.click('[data-testid="invent-own"]');
    const names = (await page.locator('[data-testid="own-names"] .chip').allInnerTexts()).map((t) => t.split("\n")[0].trim());
    ok = names.some((n) => n.startsWith("pie") && n.length > 4 && !pokemon.has(n));
    const fb = await feedback(page, "l5.e6");
    assert.equal(/Réussi|Bravo|Bien/.test(fb), ok, `verdict matches the list: ${names.join(", ")} → ${fb}`);
  }
  assert.ok(ok);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "6\u00a0exercices réussis sur 6");
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="7"]');
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
