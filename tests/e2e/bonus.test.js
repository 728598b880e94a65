// The bonus lesson walked as a pupil would: a bet on the race of three sizes (in three Web
// Workers), the size ratio read from the table, little vs much data, the giants, and an imaginary
// dictionary with accents. Every verdict is checked here against the page's own table.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, datasetNames, artifacts, bigramCounts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const rows = (page, id) => page.locator(`[data-testid="${id}"] tr`).evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.cells].map((c) => c.textContent)));

describe("bonus lesson, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await gotoStep(page, base, 7, 1);
  });
  after(async () => context?.close());

  test("step 1: the three models", async () => {
    await page.click('[data-testid="first-click"]');
  });

  test("step 2: bet first (kept until the race ends), the race, the size ratio", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="2"]');
    await page.click('[data-testid="duration-10"]');
    await choose(page, "b.e1", 2);
    assert.match(await feedback(page, "b.e1"), /Ta prédiction/);
    assert.ok(await page.locator('[data-exercise="b.e1"] [data-choice="0"]').isDisabled(), "one bet");
    assert.equal(await outcome(page, "b.e1"), null, "no verdict before the race");
    await page.click('[data-testid="race"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="race-loss"]')].length === 3 &&
      [...document.querySelectorAll('[data-testid="race-loss"]')].every((c) => /\d,\d\d/.test(c.textContent)), null, { timeout: 90000 });
    const race = await rows(page, "race-table");
    console.log(`# bonus race, 10 s each: ${race.map((r) => r.join(" / ")).join(" | ")}`);
    // The bet is on what every race shows: the small model makes the most steps.
    const steps = race.map((r) => frNumber(r[2]));
    assert.equal(steps.indexOf(Math.max(...steps)), 0, `the small one makes the most steps: ${steps}`);
    assert.equal(await outcome(page, "b.e1"), "done", "the bet was « le grand »");
    assert.match(await feedback(page, "b.e1"), /Prédiction ratée.*petit.*le plus de pas/);
    // A winner is named only beyond the measured race-to-race spread (0,08).
    const losses = race.map((r) => frNumber(r[3]));
    const sorted = [...losses].sort((a, b) => a - b);
    const verdict = await page.locator('[data-testid="race-verdict"]').innerText();
    if (sorted[1] - sorted[0] < 0.08 - 1e-6) assert.match(verdict, /Trop serré pour désigner un gagnant/);
    else assert.match(verdict, /gagne/);
    const params = race.map((r) => frNumber(r[1]));
    const ratio = params[2] / params[0];
    await answer(page, "b.e2", String(Math.round(ratio * 0.7)));
    assert.doesNotMatch(await feedback(page, "b.e2"), /Oui/);
    // « environ »: a rounded estimate (200 000 ÷ 4 000 = 50) is accepted, and said so.
    assert.match(await page.locator('[data-exercise="b.e2"] .prompt').innerText(), /10\u00a0% près/);
    await answer(page, "b.e2", "50");
    assert.match(await feedback(page, "b.e2"), /Oui.*environ 48/);
    await page.locator("#race").screenshot({ path: path.join(artifacts, "bonus-course.png") });
  });

  test("step 3: little or much data; the conclusion is read from the table", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    await choose(page, "b.e3", 1);
    assert.equal(await outcome(page, "b.e3"), null, "nothing spent before the runs");
    await page.click('[data-testid="data-race"]');
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll('[data-testid="data-table"] td')].map((c) => c.textContent);
      return cells.length === 6 && cells.filter((t) => /\d,\d\d/.test(t)).length === 4;
    }, null, { timeout: 90000 });
    const data = await rows(page, "data-table");
    console.log(`# bonus data, 20 s each: ${data.map((r) => r.join(" / ")).join(" | ")}`);
    const [[, fewSeen, fewTest], [, , manyTest]] = data.map((r) => r.map((x, i) => (i ? frNumber(x) : x)));
    const right = fewTest <= manyTest + 0.01 ? 0 : fewSeen < fewTest ? 1 : 2;
    await choose(page, "b.e3", right);
    assert.match(await feedback(page, "b.e3"), /Exactement/);
  });

  test("step 4: the giants, with this computer's measured speed and no power of ten", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="4"]');
    assert.match(await page.locator('[data-testid="your-computer"]').innerText(), /lettres par seconde/);
    assert.match(await page.locator('[data-testid="giants"]').innerText(), /GPT-3/);
    // « Données lues » and « Calcul » tell one story: the letters read in the race, six
    // operations per parameter for each.
    const ours = (await rows(page, "giants")).slice(0, 3);
    for (const [name, params, data] of ours) {
      const read = frNumber(data.match(/environ ([\d\s\u00a0]+) lettres lues/)[1]);
      // How many depends on this computer's speed: a number, never zero (no bound on speed).
      assert.ok(Number.isFinite(read) && read > 0, `${name}: ${data}`);
      assert.ok(frNumber(params) > 0);
    }
    assert.doesNotMatch(await page.locator('[data-testid="giants"]').innerText(), /gigaoctets|10²/);
  });

  test("step 5: an imaginary dictionary: the pupil picks a new, accented, well-formed word", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="5"]');
    await page.click('[data-testid="dictionary-train"]');
    await page.waitForSelector('[data-testid="dictionary-invent"]', { timeout: 90000 });
    const list = datasetNames("mots.txt");
    const mots = new Set(list);
    const pairs = bigramCounts(list);
    const wellFormed = (w) => w.length >= 3 && [...`.${w}.`].every((c, i, a) => i + 1 >= a.length || (pairs.get(c)?.get(a[i + 1]) || 0) > 0);
    let solved = false, triedWrong = false;
    for (let i = 0; i < 12 && !solved; i++) {
      await page.click('[data-testid="dictionary-invent"]');
      const words = await page.locator('[data-testid="dictionary-words"] .chip').evaluateAll((cs) => cs.map((c) => [c.querySelector("button").textContent.trim(), c.querySelector("small")?.textContent || ""]));
      // The pupil judges: no chip says « inventé », « bizarre » or « vrai mot » before the choice.
      for (const [w, mark] of words) assert.equal(mark, "", `« ${w} » is marked before any choice`);
      const wrong = words.find(([w]) => mots.has(w) || !/[éèêëàâîïôûùüçœæ]/.test(w));
      if (wrong && !triedWrong && !wrong[0].startsWith("(rien")) {
        await page.locator(`[data-testid="dictionary-words"] .chip button:text-is("${wrong[0]}")`).click();
        assert.match(await feedback(page, "b.e4"), /vrai mot|pas d'accent|bizarre/);
        assert.match(await page.locator('[data-exercise="b.e4"] [data-testid="tries-note"]').innerText(), /2\u00a0essais/, "a wrong word is a try");
        assert.notEqual(await page.locator(`[data-testid="dictionary-words"] .chip:has(button:text-is("${wrong[0]}")) small`).count(), 0, "the chosen word shows its mark");
        triedWrong = true;
      }
      const good = words.find(([w]) => !mots.has(w) && wellFormed(w) && /[éèêëàâîïôûùüçœæ]/.test(w));
      if (good && triedWrong) {
        await page.locator(`[data-testid="dictionary-words"] .chip button:text-is("${good[0]}")`).click();
        assert.match(await feedback(page, "b.e4"), /Bon choix/);
        assert.equal(await outcome(page, "b.e4"), "solved", "found at the 2nd try");
        solved = true;
      }
    }
    assert.ok(solved, "the dictionary invents accented words that sound French");
    await assertAccessible(page, "bonus, dictionary");
  });

  test("step 6: the large model writes proverbs; the pupil picks one that could be real, and why", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="6"]');
    await page.click('[data-testid="proverbs-train"]');
    await page.waitForSelector('[data-testid="proverbs-write"]', { timeout: 180000 });
    console.log(`# bonus proverbs run, 40 s: ${await page.locator('[data-testid="proverbs-status"]').innerText()}`);
    const proverbs = new Set(datasetNames("proverbes.txt"));
    const sentences = '[data-testid="proverbs-sentences"]';
    const started = Date.now();
    await page.click('[data-testid="proverbs-write"]');
    await page.waitForFunction((sel) => document.querySelector(sel)?.dataset.count !== "0" || document.querySelector('[data-testid="proverbs-none"]'), sentences, { timeout: 180000 });
    assert.equal(await page.locator('[data-testid="proverbs-none"]').count(), 0, "the model wrote a new sentence and a wrong one");
    const drawn = await page.locator(sentences).getAttribute("data-drawn");
    const chips = page.locator(`${sentences} .chip`);
    const texts = await chips.evaluateAll((cs) => cs.map((c) => c.querySelector("button").textContent.trim()));
    console.log(`# bonus proverbs: ${texts.length} offered out of ${drawn} written in ${((Date.now() - started) / 1000).toFixed(1)} s: ${texts.join(" | ")}`);
    assert.ok(texts.length >= 2 && texts.length <= 5, `${texts.length} sentences`);
    // The pupil judges: no mark before the choice.
    assert.equal(await page.locator(`${sentences} small`).count(), 0, "a sentence is marked before any choice");
    assert.equal(await page.locator(`${sentences} mark`).count(), 0, "a word is marked before any choice");
    const tick = async (wanted) => {
      for (let r = 0; r < 4; r++) {
        const box = page.locator(`[data-testid="reason-${r}"]`);
        if ((await box.isChecked()) !== wanted.includes(r)) await box.click();
      }
    };
    // Every reason ticked (the sweep) is never right: a try, and the sentence shows its mark.
    await chips.nth(0).locator("button").click();
    await tick([0, 1, 2, 3]);
    await page.click('[data-testid="proverbs-check"]');
    assert.doesNotMatch(await feedback(page, "b.e5"), /Bien jugé/);
    assert.match(await page.locator('[data-exercise="b.e5"] [data-testid="tries-note"]').innerText(), /2\u00a0essais/, "a wrong check is a try");
    let solved = false;
    for (let i = 0; i < texts.length && !solved; i++) {
      const chip = chips.nth(i);
      if (i > 0) await chip.locator("button").click();
      await tick([0, 2]);
      await page.click('[data-testid="proverbs-check"]');
      const verdict = await chip.getAttribute("data-verdict");
      assert.ok(verdict, `« ${texts[i]} » shows its mark once checked`);
      if (proverbs.has(texts[i])) assert.equal(verdict, "copy", `« ${texts[i]} » is a proverb of the list`);
      else assert.notEqual(verdict, "copy", `« ${texts[i]} » is not in the list`);
      if (verdict === "odd") assert.match(await feedback(page, "b.e5"), /pas un mot français|pas des mots français|Un seul mot/);
      if (verdict === "new") {
        assert.match(await feedback(page, "b.e5"), /Bien jugé/);
        solved = true;
      }
    }
    assert.ok(solved, "a new sentence was offered and accepted");
    assert.ok(["solved", "done"].includes(await outcome(page, "b.e5")));
    await page.screenshot({ path: path.join(artifacts, "bonus-proverbs.png"), fullPage: true });
    await assertAccessible(page, "bonus, proverbs");
  });

  test("step 7: recap", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="7"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});

test("bonus lesson: a race run before any bet closes the bet", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 7, 2);
  await page.click('[data-testid="duration-10"]');
  await page.click('[data-testid="race"]');
  await page.waitForSelector('[data-exercise="b.e1"] [data-choice="0"][disabled]');
  assert.match(await feedback(page, "b.e1"), /trop tard/);
  await page.click('[data-testid="race-stop"]');
  await page.reload();
  await page.waitForSelector('main[data-step="2"]');
  assert.ok(await page.locator('[data-exercise="b.e1"] [data-choice="0"]').isDisabled(), "closed after a reload too");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
