// Lesson 3 walked as a pupil would: embeddings, context window, two training runs compared,
// the closest letters on the map (checked against the drawn positions).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function trainWith(page, k) {
  await page.fill('[data-testid="k-slider"]', String(k));
  await page.click('[data-testid="train"]');
  await page.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 60000 });
}

test("lesson 3: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 3, 1);
  await page.click('[data-testid="first-click"]');
  assert.equal(await page.locator(".concat .sw").count(), 8);

  // Step 2: the table follows d; the answer is checked against the current d.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  assert.equal(await page.locator(".embedding-table rect.emb-cell").count(), 27 * 8);
  await page.fill('[data-testid="d-slider"]', "5");
  assert.equal(await page.locator(".embedding-table rect.emb-cell").count(), 27 * 5);
  await answer(page, "l3.e1", "216");
  assert.match(await feedback(page, "l3.e1"), /d vaut maintenant 5/);
  await answer(page, "l3.e1", "135");
  assert.match(await feedback(page, "l3.e1"), /Exact/);

  // Step 3: the context window and the live parameter count.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  await page.fill('[data-testid="d-slider"]', "8");
  await page.fill('[data-testid="k-slider"]', "3");
  assert.equal(await page.locator('[data-testid="concat"] .piece').count(), 3);
  assert.equal(await page.locator('[data-testid="param-count"]').innerText(), String(27 * 8 + 24 * 64 + 64 + 64 * 27 + 27));
  await page.fill('[data-testid="k-slider"]', "5");
  assert.equal(await page.locator('[data-testid="concat"] .piece').count(), 5);

  // Step 4: train k = 1 and k = 3; the choice is checked against the two runs.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  await page.locator('[data-exercise="l3.e2"] .choice').nth(1).click();
  assert.match(await feedback(page, "l3.e2"), /deux entraînements/);
  const t0 = Date.now();
  await trainWith(page, 1);
  console.log(`# lesson 3, 1500 steps of the context model (k = 1) in ${Date.now() - t0} ms, animated`);
  await trainWith(page, 3);
  const cells = await page.locator(".compare-table td").allInnerTexts();
  const loss = (label) => Number(cells[cells.indexOf(label) + 1].replace(",", "."));
  const [k1, k3, bigram] = [loss("k = 1, d = 8"), loss("k = 3, d = 8"), loss("Bigramme compté (leçon 1)")];
  assert.ok(k3 < bigram, `context model ${k3} beats the bigram ${bigram}`);
  const right = Math.abs(k1 - k3) < 0.02 ? 2 : k3 < k1 ? 1 : 0;
  await page.locator('[data-exercise="l3.e2"] .choice').nth((right + 1) % 3).click();
  assert.match(await feedback(page, "l3.e2"), /Regarde le tableau/);
  await page.locator('[data-exercise="l3.e2"] .choice').nth(right).click();
  assert.match(await feedback(page, "l3.e2"), /Oui/);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 2);

  // Step 5: the map; the pupil clicks the two closest letters (found from the drawing).
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  const pts = await page.locator(".map-point").evaluateAll((gs) => gs.map((g) => {
    const c = g.querySelector("circle:not([fill=none]), rect, polygon");
    const b = c.getBBox();
    return { letter: g.dataset.letter, x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }));
  assert.equal(pts.length, 27);
  let best = [0, 1], bestD = Infinity, worst = [0, 1], worstD = 0;
  for (let i = 0; i < 27; i++) for (let j = i + 1; j < 27; j++) {
    const dd = Math.hypot(pts[i].x - pts[j].x, pts[i].y - pts[j].y);
    if (dd < bestD) { bestD = dd; best = [i, j]; }
    if (dd > worstD) { worstD = dd; worst = [i, j]; }
  }
  await page.locator(`.map-point[data-letter="${pts[worst[0]].letter}"]`).click();
  await page.locator(`.map-point[data-letter="${pts[worst[1]].letter}"]`).click();
  assert.match(await feedback(page, "l3.e3"), /pas les plus proches/);
  // Clicking a chosen letter again un-chooses it.
  await page.locator(`.map-point[data-letter="${pts[worst[0]].letter}"]`).click();
  await page.locator(`.map-point[data-letter="${pts[worst[1]].letter}"]`).click();
  assert.equal(await page.locator(".map-point.picked").count(), 0);
  // The closest symbols may overlap: the pupil uses the letter buttons under the map.
  await page.click(`[data-pick="${pts[best[0]].letter}"]`);
  await page.click(`[data-pick="${pts[best[1]].letter}"]`);
  assert.match(await feedback(page, "l3.e3"), /Bien vu/);
  await page.locator('[data-widget="embedding-map"]').screenshot({ path: path.join(artifacts, "lecon3-carte.png") });
  await assertAccessible(page, "lesson 3, map");

  // Step 6: generation with the trained model.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  await page.click('[data-testid="generate"]');
  assert.equal(await page.locator(".chips .chip").count(), 10);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "3/3 exercices");
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="7"]');
  assert.match(await page.locator(".learned").innerText(), /attention/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
