// Lesson 6 walked as a pupil would: data choice (own list refused when too small), predicted
// first loss, live training of the real GPT (eval loss < 2.5 on the Pokémon), comparison of two
// settings, generation with a prefix, training on one's own list, calculator, certificate.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const finished = (page) => page.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 60000 });

test("lesson 6: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 6, 1);
  await page.click('[data-testid="first-click"]');
  assert.match(await page.locator("main").innerText(), /4192 paramètres/);

  // Step 2: a too-short own list is refused kindly; then the Pokémon.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  await page.fill('[data-testid="own-list"]', "Léa, Hugo 2, 🙂");
  await page.click('[data-testid="use-own"]');
  const notes = await page.locator('[data-testid="own-notes"]').innerText();
  assert.match(notes, /au moins 10 noms/);
  assert.match(notes, /chiffre/);
  await page.check('[data-dataset="pokemon"]');

  // Step 3: predict the first loss; the measured one is shown after.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  await answer(page, "l6.e1", "1");
  assert.match(await feedback(page, "l6.e1"), /mesurée pour de vrai/);
  await answer(page, "l6.e1", "3,3");
  assert.match(await feedback(page, "l6.e1"), /Bien prédit/);
  const initial = Number((await page.locator('[data-testid="initial-loss"]').innerText()).replace(",", "."));
  assert.ok(Math.abs(initial - Math.log(27)) < 0.15, `initial loss ${initial}`);

  // Step 4: the dominos fall.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  await page.click('[data-testid="dominos"]');
  assert.equal(await page.locator(".dominos.fallen .domino").count(), 7);

  // Step 5: live training of the microgpt-size GPT, then a second setting.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  await page.click('[data-testid="train"]');
  await page.waitForSelector('[data-testid="pause"]');
  await finished(page);
  await page.waitForSelector('[data-testid="eval-loss"]:not(:has-text("cours"))');
  const evalLoss = Number((await page.locator('[data-testid="eval-loss"]').first().innerText()).replace(",", "."));
  console.log(`# lesson 6 default run: eval loss ${evalLoss}; ${await page.locator('[data-testid="speed"]').innerText()}`);
  assert.ok(evalLoss < 2.5, `eval loss on the Pokémon after the default run: ${evalLoss}`);
  assert.equal(await page.locator('[data-testid="album"] .photo').count(), 4, "album at steps 0, 50, 250, 1000");
  const top3 = await page.locator('[data-widget="prob-bars"] .bar').evaluateAll((gs) => gs.slice(0, 3).map((g) => g.dataset.letter));
  assert.ok(top3.includes("a"), `after .pik the model favours 'a': ${top3}`);
  assert.match(await feedback(page, "l6.e2"), /deuxième entraînement/);
  await page.click('[data-testid="lr-3"]');
  await page.click('[data-testid="train"]');
  await finished(page);
  assert.match(await feedback(page, "l6.e2"), /deux courbes/);
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 2);
  await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon6-courbes.png") });
  await page.locator('[data-testid="album"]').screenshot({ path: path.join(artifacts, "lecon6-album.png") });
  await assertAccessible(page, "lesson 6, trained");

  // Step 6: generate with a prefix and a temperature.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  await page.click('[data-testid="generate"]');
  assert.match(await feedback(page, "l6.e3"), /début de nom/);
  await page.fill('[data-testid="gen-prefix"]', "Pi");
  await page.click(".word-input button");
  await page.fill('[data-testid="gen-temp"]', "5");
  await page.click('[data-testid="generate"]');
  const names = await page.locator('[data-testid="generated"] .chip').allInnerTexts();
  assert.equal(names.length, 10);
  assert.ok(names.every((n) => n.startsWith("pi")), names.join(","));
  assert.match(await feedback(page, "l6.e3"), /Bravo/);

  // Step 7: the pupil's own list.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="7"]');
  await page.fill('[data-testid="own-list"]', "Léa, Hugo, Chloé, Nathan, Emma, Louis, Jade, Gabriel, Inès, Raphaël, Zoé, Adam, Lina, Arthur");
  await page.click('[data-testid="use-own"]');
  assert.match(await page.locator('[data-testid="own-notes"]').innerText(), /14 noms/);
  await page.click('[data-testid="train-own"]');
  await finished(page);
  await page.click('[data-testid="generate-own"]');
  assert.equal(await page.locator('[data-testid="own-generated"] .chip').count(), 10);
  assert.match(await feedback(page, "l6.e4"), /ton propre modèle/);

  // Step 8: the calculator uses the measured speed.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="8"]');
  assert.match(await page.locator('[data-testid="gpt4-years"]').innerText(), /ans/);

  // Step 9: certificate.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="9"]');
  await page.fill('[data-testid="diploma-name"]', "Camille");
  assert.match(await page.locator('[data-testid="certificate"]').innerText(), /Camille/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "4/4 exercices");
  await page.locator('[data-testid="certificate"]').screenshot({ path: path.join(artifacts, "lecon6-diplome.png") });
  await assertAccessible(page, "lesson 6, certificate");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
