// The bonus lesson walked as a pupil would: a bet on the race of three sizes (in three Web
// Workers), the size ratio read from the table, little vs much data, the giants, and an imaginary
// dictionary with accents. Every verdict is checked here against the page's own table.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, choose, outcome, frNumber, datasetNames, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const rows = (page, id) => page.locator(`[data-testid="${id}"] tr`).evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.cells].map((c) => c.textContent)));

test("bonus lesson: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 7, 1);
  await page.click('[data-testid="first-click"]');

  // Step 2: bet first (kept until the race ends), then the race.
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
  assert.equal(await outcome(page, "b.e1"), winner === 2 ? "solved" : "missed");
  assert.match(await feedback(page, "b.e1"), winner === 2 ? /Bien prédit/ : /Prédiction ratée/);
  const params = race.map((r) => frNumber(r[1]));
  const ratio = Math.round(params[2] / params[0]);
  await answer(page, "b.e2", String(ratio + 3));
  assert.doesNotMatch(await feedback(page, "b.e2"), /Exact/);
  await answer(page, "b.e2", String(ratio));
  assert.match(await feedback(page, "b.e2"), /Exact/);
  await page.locator("#race").screenshot({ path: path.join(artifacts, "bonus-course.png") });

  // Step 3: little or much data; the conclusion is read from the table.
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
  assert.match(await feedback(page, "b.e3"), /Exact|Oui|Bravo/);

  // Step 4: the giants, with this computer's measured speed.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  assert.match(await page.locator('[data-testid="your-computer"]').innerText(), /lettres par seconde/);
  assert.match(await page.locator('[data-testid="giants"]').innerText(), /GPT-3/);

  // Step 5: an imaginary dictionary with accents; new accented words checked against the list.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  await page.click('[data-testid="dictionary-train"]');
  await page.waitForSelector('[data-testid="dictionary-invent"]', { timeout: 90000 });
  const mots = new Set(datasetNames("mots.txt"));
  let solved = false;
  for (let i = 0; i < 10 && !solved; i++) {
    await page.click('[data-testid="dictionary-invent"]');
    const words = await page.locator('[data-testid="dictionary-words"] .chip').evaluateAll((cs) => cs.map((c) => [c.firstChild.textContent.trim(), c.classList.contains("new")]));
    for (const [w, marked] of words) if (!w.startsWith("(rien")) assert.equal(marked, !mots.has(w), `« ${w} » marked ${marked ? "new" : "real"}`);
    solved = words.some(([w, isNew]) => isNew && /[éèêëàâîïôûùüçœæ]/.test(w));
    assert.equal(/Bravo/.test(await feedback(page, "b.e4")), solved);
  }
  assert.ok(solved, "the dictionary invents accented words");
  await assertAccessible(page, "bonus, dictionary");
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
