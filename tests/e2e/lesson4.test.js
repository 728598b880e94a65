// Lesson 4 walked as a pupil would: Q/K/V on "chat" (predict then reveal), the causal mask of
// a typed first name, the four real heads of a briefly trained GPT, and the "créer" exercise.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("lesson 4: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 4, 1);
  await page.click('[data-testid="first-click"]');
  assert.match(await page.locator(".phone").innerText(), /lève la main/);

  // Step 2: "t" is locked until the pupil predicts; the answer key is the table itself.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  assert.ok(await page.locator('[data-asker="t"]').isDisabled());
  await page.click('[data-asker="a"]');
  assert.equal(await page.locator(".qkv tr[data-letter]").count(), 4);
  await answer(page, "l4.e1", "c");
  assert.match(await feedback(page, "l4.e1"), /Ce n'est pas elle/);
  assert.equal(await page.locator(".qkv tr[data-letter]").count(), 5, "revealed: t asks, 5 rows");
  const rows = await page.locator(".qkv tr[data-letter]").evaluateAll((trs) => trs.map((tr) => [tr.dataset.letter, parseFloat(tr.lastElementChild.textContent.replace(",", "."))]));
  const best = rows.reduce((b, r) => (r[1] > b[1] ? r : b));
  await answer(page, "l4.e1", best[0]);
  assert.match(await feedback(page, "l4.e1"), /Bien prédit/);

  // Step 3: the causal mask of the pupil's first name (cleaned).
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  await answer(page, "l4.e2", "5");
  assert.match(await feedback(page, "l4.e2"), /Tape d'abord ton prénom/);
  await page.fill('[data-testid="mask-word"]', "Chloé 2");
  await page.click(".word-input button");
  assert.match(await page.locator(".word-input .notes").innerText(), /1 chiffre/);
  assert.equal(await page.locator(".mask-cell").count(), 36);
  assert.equal(await page.locator(".mask-cell.allowed").count(), 21);
  await answer(page, "l4.e2", "5");
  assert.match(await feedback(page, "l4.e2"), /Compte encore/);
  await answer(page, "l4.e2", "6");
  assert.match(await feedback(page, "l4.e2"), /Oui/);
  await page.locator('[data-widget="causal-mask"]').screenshot({ path: path.join(artifacts, "lecon4-masque.png") });

  // Step 4: four real heads; find a word whose last letter looks most at its first one.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  await page.waitForSelector('[data-widget="attention-head"]', { timeout: 30000 });
  assert.equal(await page.locator('[data-widget="attention-head"]').count(), 4);
  assert.equal(await page.locator('[data-head="0"] rect.att-cell').count(), 64, "8×8 grid for .pikachu");
  await page.hover('[data-head="0"] .line-letter.asker >> nth=7');
  await page.locator(".heads").screenshot({ path: path.join(artifacts, "lecon4-tetes.png") });
  await assertAccessible(page, "lesson 4, heads");
  const letters = "abcdefghijklmnopqrstuvwxyz";
  let solved = false;
  for (let i = 0; i < 80 && !solved; i++) {
    const word = Array.from({ length: 4 + (i % 4) }, (_, k) => letters[(i * 7 + k * 11 + k * k * 3) % 26]).join("");
    await page.fill('[data-testid="head-word"]', word);
    await page.click(".word-input button");
    await page.waitForFunction((w) => document.body.innerText.includes(`Mot étudié : « ${w} »`), word);
    const last = word.length;
    for (let h = 0; h < 4 && !solved; h++) {
      const row = await page.locator(`[data-head="${h}"] rect.att-cell[data-row="${last}"]`).evaluateAll((cs) => cs.map((c) => Number(c.dataset.value)));
      const arg = row.slice(0, last + 1).reduce((b, v, j, a) => (v > a[b] ? j : b), 0);
      if (arg === 1) {
        await page.click(`[data-head-choice="${h}"]`);
        assert.match(await feedback(page, "l4.e3"), /Réussi/);
        solved = true;
      }
    }
  }
  assert.ok(solved, "some word makes its last letter look at its first in some head");
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "3/3 exercices");
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  assert.match(await page.locator(".sources").innerText(), /microgpt/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
