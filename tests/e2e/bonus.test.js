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
    const losses = race.map((r) => frNumber(r[3]));
    const winner = losses.indexOf(Math.min(...losses));
    assert.equal(await outcome(page, "b.e1"), winner === 2 ? "solved" : "done");
    assert.match(await feedback(page, "b.e1"), winner === 2 ? /Bien prédit/ : /Prédiction ratée/);
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
    let solved = false, triedReal = false;
    for (let i = 0; i < 12 && !solved; i++) {
      await page.click('[data-testid="dictionary-invent"]');
      const words = await page.locator('[data-testid="dictionary-words"] .chip').evaluateAll((cs) => cs.map((c) => [c.querySelector("button").textContent.trim(), c.className]));
      for (const [w, cls] of words) {
        if (w.startsWith("(rien")) continue;
        const expected = mots.has(w) ? "copy" : wellFormed(w) ? "new" : "odd";
        assert.match(cls, new RegExp(expected), `« ${w} » marked ${cls}`);
      }
      const real = words.find(([w]) => mots.has(w));
      if (real && !triedReal) {
        await page.locator(`[data-testid="dictionary-words"] .chip button:text-is("${real[0]}")`).click();
        assert.match(await feedback(page, "b.e4"), /vrai mot/);
        triedReal = true;
      }
      const good = words.find(([w, cls]) => /new/.test(cls) && /[éèêëàâîïôûùüçœæ]/.test(w));
      if (good) {
        await page.locator(`[data-testid="dictionary-words"] .chip button:text-is("${good[0]}")`).click();
        assert.match(await feedback(page, "b.e4"), /Bon choix/);
        solved = true;
      }
    }
    assert.ok(solved, "the dictionary invents accented words that sound French");
    await assertAccessible(page, "bonus, dictionary");
  });

  test("step 6: recap", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="6"]');
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
