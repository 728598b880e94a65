// Lesson 4 walked as a pupil would: questions and panels on « .chat » (predict once, then the
// table), a score computed by hand, the causal mask of a typed first name, and the four real
// heads of a briefly trained GPT with the « créer » exercise (solved from the drawn weights).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, outcome, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** The table's attention column, as [letter, share]. */
async function shares(page, asker) {
  return page.locator(`.qkv[data-asker="${asker}"] tr[data-letter]`).evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.letter, parseFloat(tr.lastElementChild.textContent.replace(",", "."))]));
}

describe("lesson 4, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await gotoStep(page, base, 4, 1);
  });
  after(async () => context?.close());

  test("step 1: the classroom", async () => {
    await page.click('[data-testid="first-click"]');
    assert.match(await page.locator(".phone").innerText(), /main/);
  });

  test("step 2: predict who « t » listens to, then a score by hand shown nowhere", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="2"]');
    assert.equal(await page.locator('.qkv[data-asker="h"] th').count(), 4, "the worked example shows scores and attention");
    assert.equal(await page.locator('.qkv[data-asker="t"] th').count(), 2, "t's scores are hidden before the prediction");
    await answer(page, "l4.e1", "z");
    assert.match(await feedback(page, "l4.e1"), /lettre/, "a letter outside the word is not spent");
    assert.equal(await outcome(page, "l4.e1"), null);
    await answer(page, "l4.e1", "c");
    assert.match(await feedback(page, "l4.e1"), /Prédiction ratée/);
    assert.equal(await outcome(page, "l4.e1"), "done");
    const rows = await shares(page, "t");
    assert.equal(rows.length, 5, "revealed after the prediction");
    const best = rows.reduce((b, r) => (r[1] > b[1] ? r : b));
    assert.equal(best[0], "a", "the answer key: the largest score wins");
    // A score by hand: the question and the panel are read from the prompt, computed here.
    const prompt = await page.locator('[data-exercise="l4.e2"] .prompt').innerText();
    const [q, k] = [...prompt.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1].split(";").map((x) => Number(x.trim())));
    const dot = q.reduce((s, x, i) => s + x * k[i], 0);
    const shownScores = await page.locator(".qkv tr[data-letter] td:nth-child(3)").allInnerTexts();
    assert.ok(!shownScores.includes(String(dot)), `the score ${dot} is not already in a table (${shownScores})`);
    await answer(page, "l4.e2", String(dot + 1));
    assert.match(await feedback(page, "l4.e2"), /Case par case|additionné/);
    await answer(page, "l4.e2", String(dot));
    assert.match(await feedback(page, "l4.e2"), /Exact/);
  });

  test("step 3: the causal mask of a typed first name; the box starts empty", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.inputValue('[data-exercise-input="l4.e3"]'), "", "the last exercise's answer is not carried over");
    await answer(page, "l4.e3", "5");
    assert.match(await feedback(page, "l4.e3"), /Tape d'abord ton prénom/);
    await page.fill('[data-testid="mask-word"]', "Chloé 2");
    await page.click(".word-input button");
    assert.match(await page.locator(".word-input .notes").innerText(), /1\u00a0chiffre/);
    assert.equal(await page.locator(".mask-cell").count(), 36);
    assert.equal(await page.locator(".mask-cell.allowed").count(), 21);
    await answer(page, "l4.e3", "5");
    assert.match(await feedback(page, "l4.e3"), /Compte/);
    await answer(page, "l4.e3", "6");
    assert.match(await feedback(page, "l4.e3"), /Oui/);
    await page.locator('[data-widget="causal-mask"]').screenshot({ path: path.join(artifacts, "lecon4-masque.png") });
  });

  test("step 4: a word of one's own where a head looks far back, and the letter it looks at, read on the grid", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="4"]');
    await page.waitForSelector('[data-widget="attention-head"]', { timeout: 60000 });
    assert.equal(await page.locator('[data-widget="attention-head"]').count(), 4);
    assert.equal(await page.locator('[data-head="0"] rect.att-cell').count(), 64, "8×8 grid for .pikachu");
    await assertAccessible(page, "lesson 4, heads");
    // The question names no letter: its answer is read on the grid.
    assert.doesNotMatch(await page.locator('[data-exercise="l4.e4"] .prompt').innerText(), /première lettre/);
    await answer(page, "l4.e4", "p");
    assert.match(await feedback(page, "l4.e4"), /mot à toi/, "the page's example word is not the pupil's");
    assert.equal(await outcome(page, "l4.e4"), null);
    await page.fill('[data-testid="head-word"]', "abc");
    await page.click(".word-input button");
    await answer(page, "l4.e4", "a");
    assert.match(await feedback(page, "l4.e4"), /trop court/);
    const letters = "abcdefghijklmnopqrstuvwxyz";
    let solved = false, misread = false;
    for (let i = 0; i < 80 && !solved; i++) {
      const word = Array.from({ length: 5 + (i % 3) }, (_, j) => letters[(i * 7 + j * 11 + j * j * 3) % 26]).join("");
      await page.fill('[data-testid="head-word"]', word);
      await page.click(".word-input button");
      await page.waitForFunction((w) => document.body.innerText.includes(`Mot étudié\u00a0: «\u00a0${w}\u00a0»`), word);
      const last = word.length;
      for (let h = 0; h < 4 && !solved; h++) {
        const row = await page.locator(`[data-head="${h}"] rect.att-cell[data-row="${last}"]`).evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
        const arg = row.slice(0, last + 1).reduce((b, v, j, a) => (v > a[b] ? j : b), 0);
        // Far back: not the « . », not the last letter itself, not its neighbour.
        if (arg === 0 || arg >= last - 1) continue;
        await page.click(`[data-head-choice="${h}"]`);
        const looked = word[arg - 1];
        if (!misread) {
          // Reading the grid wrong is a try, and the page never says which letter it is.
          const other = [...word].find((c) => c !== looked);
          await answer(page, "l4.e4", other);
          assert.match(await feedback(page, "l4.e4"), /Relis la dernière ligne/);
          assert.doesNotMatch(await feedback(page, "l4.e4"), new RegExp(`«\u00a0${looked}\u00a0»`));
          misread = true;
        }
        await answer(page, "l4.e4", looked);
        assert.match(await feedback(page, "l4.e4"), /Réussi.*places derrière/);
        solved = true;
      }
    }
    assert.ok(solved, "some word of 5 letters or more makes its last letter look far back in some head");
    await page.locator(".heads").screenshot({ path: path.join(artifacts, "lecon4-tetes.png") });
  });

  test("step 5: recap", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="5"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    assert.doesNotMatch(await page.locator(".learned").innerText(), /offre une info/, "the recap teaches only what the pupil saw");
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});

test("lesson 4: a right prediction says so", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 4, 2);
  await answer(page, "l4.e1", " A ");
  assert.match(await feedback(page, "l4.e1"), /Bien prédit/);
  assert.equal(await outcome(page, "l4.e1"), "solved");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
