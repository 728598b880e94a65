// Lesson 5 walked as a pupil would: the plan followed with the real numbers of « .pik », a
// parameter count predicted then checked with the sliders, an untrained model's gibberish,
// temperature (the answers read from the bars and lists here), and a Pokémon of one's own.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, datasetNames, artifacts, bigramCounts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const barValues = (page) => page.locator('[data-widget="prob-bars"] .bar').evaluateAll((bars) =>
  bars.map((b) => [b.dataset.letter, parseFloat(b.querySelector(".bar-value").textContent.replace(",", "."))]));

describe("lesson 5, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await gotoStep(page, base, 5, 1);
  });
  after(async () => context?.close());

  test("step 1: the bricks", async () => {
    await page.click('[data-testid="first-click"]');
    assert.ok(await page.locator(".chips .chip").count() >= 5);
    assert.match(await page.locator(".vocab").innerText(), /LLM/, "LLM is defined");
    assert.doesNotMatch(await page.locator(".vocab").innerText(), /déjà entraîné/);
  });

  test("step 2: every block shows its numbers; the neurons off are counted, not copied", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="2"]');
    assert.equal(await page.locator(".arch-block").count(), 8);
    await answer(page, "l5.e1", "30");
    assert.match(await feedback(page, "l5.e1"), /Clique d'abord/, "the block must be opened first");
    for (let b = 0; b < 8; b++) {
      await page.click(`.arch-block[data-block="${b}"]`);
      const text = await page.locator('[data-testid="block-detail"]').innerText();
      assert.ok(text.length > 40, `block ${b} explains itself: ${text}`);
    }
    const label = await page.locator('[data-widget="architecture"] text.tick').boundingBox();
    const svg = await page.locator('[data-widget="architecture"] svg').boundingBox();
    assert.ok(label.x + label.width <= svg.x + svg.width + 1, "« raccourci » is not cut");
    await page.click('.arch-block[data-block="4"]');
    const lit = Number((await page.locator('[data-testid="neurons"]').innerText()).match(/^(\d+)/)[1]);
    await answer(page, "l5.e1", String(lit));
    assert.match(await feedback(page, "l5.e1"), /allumés/, "copying the number shown is not the answer");
    await answer(page, "l5.e1", String(64 - lit));
    assert.match(await feedback(page, "l5.e1"), /Exact/);
    await page.locator('[data-widget="architecture"]').screenshot({ path: path.join(artifacts, "lecon5-plan.png") });
  });

  test("step 3: the count for 2 layers is predicted before any slider or counter shows it", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.locator('[data-testid="gpt-params"]').count(), 0, "the counter waits for the prediction");
    assert.equal(await page.locator('[data-testid="layer-slider"]').count(), 0, "so do the sliders (they would show it)");
    assert.equal(await page.locator('[data-exercise="l5.e3"]').count(), 0);
    await answer(page, "l5.e2", "deux");
    assert.match(await feedback(page, "l5.e2"), /nombre entier/);
    assert.equal(await outcome(page, "l5.e2"), null);
    await answer(page, "l5.e2", String(1120 + 2 * 3072));
    assert.match(await feedback(page, "l5.e2"), /Bien prédit/);
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "4\u00a0192");
    await page.fill('[data-testid="layer-slider"]', "1");
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "7\u00a0264", "the prediction holds");
    assert.match(await feedback(page, "l5.e3"), /il en faut au moins 50/);
    await page.fill('[data-testid="embd-slider"]', "4");
    assert.ok(frNumber(await page.locator('[data-testid="gpt-params"]').innerText()) >= 50000);
    assert.match(await feedback(page, "l5.e3"), /Réussi/);
  });

  test("step 4: the untrained model hesitates between all letters", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="4"]');
    for (const [, v] of await barValues(page)) assert.ok(v > 1 && v < 10, `untrained: every shown letter near 1 in 27 (${v} %)`);
    assert.equal(await page.locator('[data-testid="gibberish"] .chip').count(), 8);
  });

  test("step 5: what cold does to the favourite, seen before answering; cold or hot lists", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="5"] [data-widget="prob-bars"] .bar', { timeout: 60000 });
    await page.click('[data-prefix="evo"]');
    const warm = await barValues(page);
    await choose(page, "l5.e4", 0);
    assert.match(await feedback(page, "l5.e4"), /0,5 ou moins/, "answerable once the pupil went cold");
    assert.equal(await outcome(page, "l5.e4"), null);
    await page.fill('[data-testid="temp-slider"]', "3");
    assert.equal(await page.locator('[data-testid="temp-slider-value"]').innerText(), "0,3");
    const cold = await barValues(page);
    assert.ok(cold[0][1] > warm[0][1], "colder: the favourite gets surer");
    await choose(page, "l5.e4", 0);
    assert.match(await feedback(page, "l5.e4"), /Oui/);
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
  });

  test("step 6: a new, well-formed Pokémon at a temperature the pupil chose", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="6"] [data-testid="invent-own"]', { timeout: 60000 });
    assert.ok(await page.locator('[data-testid="invent-own"]').isDisabled());
    await page.fill('[data-testid="own-prefix"]', "Lé");
    await page.click(".word-input button");
    assert.match(await feedback(page, "l5.e6"), /au moins 3 lettres/);
    await page.fill('[data-testid="own-prefix"]', "Pierre");
    await page.click(".word-input button");
    await page.click('[data-testid="invent-own"]');
    assert.match(await feedback(page, "l5.e6"), /température toi-même/, "the temperature must have been set by the pupil");
    await page.fill('[data-testid="create-temp"]', "13");
    const pokemonList = datasetNames("pokemon.txt");
    const pokemon = new Set(pokemonList);
    const pairs = bigramCounts(pokemonList);
    const wellFormed = (n) => n.length >= 3 && [...`.${n}.`].every((c, i, w) => i + 1 >= w.length || (pairs.get(c)?.get(w[i + 1]) || 0) > 0);
    let ok = false;
    for (let i = 0; i < 10 && !ok; i++) {
      await page.click('[data-testid="invent-own"]');
      const names = (await page.locator('[data-testid="own-names"] .chip').allInnerTexts()).map((t) => t.split("\n")[0].trim());
      ok = names.some((n) => n.startsWith("pie") && n.length > 4 && !pokemon.has(n) && wellFormed(n));
      const fb = await feedback(page, "l5.e6");
      assert.equal(/Bravo/.test(fb), ok, `verdict matches the list: ${names.join(", ")} → ${fb}`);
      for (const chip of await page.locator('[data-testid="own-names"] .chip.new').allInnerTexts()) {
        assert.ok(wellFormed(chip.split("\n")[0].trim()), `« ${chip} » is marked new only when it is well formed`);
      }
    }
    assert.ok(ok);
  });

  test("step 7: recap", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="7"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});
