// Lesson 5 walked as a pupil would: the plan followed with the real numbers of « .pik », a
// parameter count predicted then checked with the sliders, an untrained model's gibberish,
// temperature (the answers read from the bars and lists here), and a Pokémon of one's own.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, datasetNames, artifacts, pageMarker } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The tries the progress store counted for exercise `id` (every pupil of the browser). */
const tries = (page, id) => page.evaluate((id) => {
  const p = JSON.parse(localStorage.getItem("tuto-llm.progress") || "{}");
  return Math.max(0, ...Object.values(p.pupils || {}).map((x) => x.records?.[id]?.tries || 0));
}, id);

/** The names of a chip list, with their mark (the chip's class). */
const chips = (page, testid) => page.locator(`[data-testid="${testid}"] .chip`).evaluateAll((cs) =>
  cs.map((c) => [c.firstChild.textContent.trim(), ["copy", "new", "odd", "empty"].find((m) => c.classList.contains(m))]));

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

  test("step 2: every block shows its numbers; the sum of the cards is the true sum; the neurons off are counted, not copied", async () => {
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
    // « Les deux cartes additionnées »: each number is the sum of the two cards' (shown to 2 decimals).
    await page.click('.arch-block[data-block="1"]');
    const numbers = (await page.locator('[data-testid="block-detail"] .numbers').allTextContents())
      .map((t) => t.split("·").map(frNumber));
    const [card, place, sum] = numbers;
    sum.forEach((x, i) => assert.ok(Math.abs(x - (card[i] + place[i])) <= 0.011, `number ${i}: ${card[i]} + ${place[i]} shown as ${x}`));
    assert.match(await page.locator('[data-testid="rescaled"]').innerText(), /multiplie tous ses nombres par \d/, "the rescaling is said");
    await page.click('.arch-block[data-block="4"]');
    const lit = Number((await page.locator('[data-testid="neurons"]').innerText()).match(/^(\d+)/)[1]);
    await answer(page, "l5.e1", String(lit));
    const shown = await feedback(page, "l5.e1");
    assert.match(shown, /écrit dans le bloc/, "copying the number shown is not the answer");
    assert.doesNotMatch(shown, new RegExp(`\\b${64 - lit}\\b|allumés|éteints`), "the feedback says where to look, not the answer's complement");
    await answer(page, "l5.e1", String(64 - lit));
    assert.match(await feedback(page, "l5.e1"), /Exact/);
    await page.locator('[data-widget="architecture"]').screenshot({ path: path.join(artifacts, "lecon5-plan.png") });
  });

  test("step 3: 6 layers predicted (a size the Atelier cannot show), then a range reached with the counter as tries", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.locator('[data-testid="gpt-params"]').count(), 0, "the counter waits for the prediction");
    assert.equal(await page.locator('[data-testid="layer-slider"]').count(), 0, "so do the sliders");
    assert.equal(await page.locator('[data-exercise="l5.e3"]').count(), 0);
    const hint = await page.locator('[data-exercise="l5.e2"] .hint-text').count();
    assert.equal(hint, 0);
    await page.click('[data-exercise="l5.e2"] .btn.hint');
    assert.doesNotMatch(await page.locator('[data-exercise="l5.e2"] .hint-text').innerText(), /1\u00a0120|3\u00a0072/, "the hint does not give the method's numbers");
    await answer(page, "l5.e2", "deux");
    assert.match(await feedback(page, "l5.e2"), /nombre entier/);
    assert.equal(await outcome(page, "l5.e2"), null);
    await answer(page, "l5.e2", String(1120 + 6 * 3072));
    assert.match(await feedback(page, "l5.e2"), /Bien prédit/);
    assert.equal(await page.locator('[data-testid="gpt-params"]').count(), 0, "the counter shows only what was counted");
    // A first try: 6 layers of cards of 16 (19 552) is not between 20 000 and 30 000.
    await page.fill('[data-testid="layer-slider"]', "5");
    await page.click('[data-testid="count-params"]');
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "19\u00a0552", "the prediction holds");
    assert.match(await feedback(page, "l5.e3"), /pas entre 20/);
    await page.click('[data-testid="count-params"]');
    assert.equal(await tries(page, "l5.e3"), 1, "the same model counted again is no new try");
    await page.fill('[data-testid="embd-slider"]', "3");
    await page.fill('[data-testid="layer-slider"]', "1");
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "19\u00a0552", "moving a slider counts nothing");
    await page.click('[data-testid="count-params"]');
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "26\u00a0816");
    assert.match(await feedback(page, "l5.e3"), /Réussi/);
    assert.equal(await outcome(page, "l5.e3"), "solved");
    assert.equal(await tries(page, "l5.e3"), 2, "found at the second try");
    await page.fill('[data-testid="layer-slider"]', "0");
    assert.equal(await page.locator('[data-testid="gpt-params"]').innerText(), "14\u00a0528", "once done, the counter follows the sliders");
  });

  test("the Atelier's sliders cannot make exercise 2's 6 layers", async () => {
    const { page: atelier, context: other } = await openPage(browser);
    await atelier.goto(`${base}#/atelier`);
    const slider = atelier.locator('[data-testid="a-layers"]');
    await slider.fill(await slider.getAttribute("max"));
    assert.ok(Number(await atelier.locator('[data-testid="a-layers-value"]').innerText()) < 6);
    await other.close();
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

  test("step 6: a temperature chosen to invent 8 new Pokémon, every click a try", async () => {
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
    assert.equal(await tries(page, "l5.e6"), 0, "not a try");
    const mark = await pageMarker(page, datasetNames("pokemon.txt"));
    // Too cold first: the same names come back (a wrong try, counted).
    await page.fill('[data-testid="create-temp"]', "1");
    let tried = 0;
    let solved = false;
    for (const t of ["1", "4", "4", "4"]) {
      await page.fill('[data-testid="create-temp"]', t);
      await page.click('[data-testid="invent-own"]');
      tried += 1;
      const names = await chips(page, "own-names");
      for (const [name, m] of names) assert.equal(m, mark(name), `« ${name} » marked ${m}`);
      const good = new Set(names.filter(([n, m]) => m === "new" && n.startsWith("pie") && n.length > 4).map(([n]) => n));
      const fb = await feedback(page, "l5.e6");
      assert.equal(/Réussi/.test(fb), good.size >= 8, `${good.size} different new Pokémon → ${fb}`);
      if (good.size >= 8) { solved = true; break; }
      assert.equal(await tries(page, "l5.e6"), tried, "every wrong click is a try");
    }
    assert.ok(solved, "0,4 makes 8 different new Pokémon");
    assert.equal(await outcome(page, "l5.e6"), tried <= 3 ? "solved" : "done");
  });

  test("step 7: recap", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="7"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});
