// Lesson 6 walked as a pupil would: data, the first loss predicted, the dominos put in order,
// two real trainings compared, generation with a beginning and two temperatures, a model trained
// on the pupil's own list (copies or new names, checked here against the list), the energy
// calculator, and a diploma that certifies only what was succeeded (and prints on one page).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, outcome, frNumber, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const finished = (page) => page.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 90000 });

const CLASS = "Léa, Hugo, Chloé, Nathan, Emma, Louis, Jade, Gabriel, Inès, Raphaël, Zoé, Adam, Lina, Arthur, Manon, " +
  "Jules, Alice, Tom, Rose, Léo, Ambre, Noah, Lou, Sacha, Mila, Paul, Eva, Nina";
/** The class list as the model sees it (lower case, accents taken off). */
const classNames = new Set(CLASS.split(",").map((n) => n.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")));

test("lesson 6: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 6, 1);
  await page.click('[data-testid="first-click"]');
  assert.match(await page.locator("main").innerText(), /4\u00a0192 paramètres/);

  // Step 2: a too-short own list is refused kindly; then the Pokémon.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="2"]');
  await page.fill('[data-testid="own-list"]', "Léa, Hugo 2, 🙂");
  await page.click('[data-testid="use-own"]');
  const notes = await page.locator('[data-testid="own-notes"]').innerText();
  assert.match(notes, /au moins 10\snoms/);
  assert.match(notes, /chiffre/);
  await page.check('[data-dataset="pokemon"]');

  // Step 3: predict the first loss once; the measured one is shown after.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-testid="initial-loss"]').count(), 0, "measured only after the prediction");
  await answer(page, "l6.e1", "1");
  assert.match(await feedback(page, "l6.e1"), /Prédiction ratée.*Mesurée pour de vrai/);
  assert.equal(await outcome(page, "l6.e1"), "missed");
  const initial = frNumber(await page.locator('[data-testid="initial-loss"]').innerText());
  assert.ok(Math.abs(initial - Math.log(27)) < 0.15, `initial loss ${initial}`);

  // Step 4: the dominos in the order the error goes back; a wrong one starts over.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="4"]');
  assert.equal(await page.locator('[data-testid="dominos"]').count(), 0, "the dominos fall once ordered");
  await page.click('[data-stage="1"]');
  assert.match(await feedback(page, "l6.e2"), /Pas encore/);
  for (let i = 0; i < 3; i++) await page.click(`[data-stage="${i}"]`);
  assert.equal(await page.locator(".domino-choice.placed").count(), 3);
  await page.click('[data-stage="4"]');
  assert.match(await feedback(page, "l6.e2"), /On recommence/);
  assert.equal(await page.locator(".domino-choice.placed").count(), 0);
  for (let i = 0; i < 5; i++) await page.click(`[data-stage="${i}"]`);
  assert.match(await feedback(page, "l6.e2"), /Bravo/);
  await page.click('[data-testid="dominos"]');
  assert.equal(await page.locator(".dominos.fallen .domino").count(), 5);

  // Step 5: live training of the microgpt-size GPT, then a second setting.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="5"]');
  await page.click('[data-testid="train"]');
  await finished(page);
  await page.waitForSelector('[data-testid="eval-loss"]:not(:has-text("cours"))');
  const evalLoss = frNumber(await page.locator('[data-testid="eval-loss"]').first().innerText());
  console.log(`# lesson 6 default run: loss ${evalLoss}; ${await page.locator('[data-testid="speed"]').innerText()}`);
  assert.ok(evalLoss < 2.6, `loss on the Pokémon after the default run: ${evalLoss}`);
  assert.equal(await page.locator('[data-testid="album"] .photo').count(), 4, "album at steps 0, 50, 250, 1000");
  const top3 = await page.locator('[data-widget="prob-bars"] .bar').evaluateAll((gs) => gs.slice(0, 3).map((g) => g.dataset.letter));
  assert.ok(top3.includes("a"), `after .pik the model favours « a »: ${top3}`);
  assert.match(await feedback(page, "l6.e3"), /deuxième entraînement/);
  await page.click('[data-testid="train"]');
  await finished(page);
  assert.match(await feedback(page, "l6.e3"), /deuxième entraînement/, "the same setting twice does not count as a comparison");
  await page.click('[data-testid="lr-3"]');
  await page.click('[data-testid="train"]');
  await finished(page);
  await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="eval-loss"]')].some((c) => /cours/.test(c.textContent)));
  const losses = (await page.locator('[data-testid="eval-loss"]').allInnerTexts()).map(frNumber);
  const labels = await page.locator('[data-testid="final-table"] tr td:first-child').allInnerTexts();
  const bestLabel = labels[losses.indexOf(Math.min(...losses))];
  assert.match(await feedback(page, "l6.e3"), new RegExp(`Le meilleur ici\u00a0: ${bestLabel.replace(/[()]/g, ".")}`));
  assert.equal(await page.locator('[data-widget="loss-curve"] .run path').count(), 3);
  await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon6-courbes.png") });
  await page.locator('[data-testid="album"]').screenshot({ path: path.join(artifacts, "lecon6-album.png") });
  await assertAccessible(page, "lesson 6, trained");

  // Step 6: a beginning, then a cold and a hot list.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  await page.click('[data-testid="generate"]');
  assert.match(await feedback(page, "l6.e4"), /début de nom/);
  await page.fill('[data-testid="gen-prefix"]', "Pi");
  await page.click(".word-input button");
  await page.fill('[data-testid="gen-temp"]', "3");
  await page.click('[data-testid="generate"]');
  assert.match(await feedback(page, "l6.e4"), /chaude/);
  await page.fill('[data-testid="gen-temp"]', "20");
  await page.click('[data-testid="generate"]');
  const lists = await page.locator(".generated-list").evaluateAll((ds) => ds.map((d) => [...d.querySelectorAll(".chip")].map((c) => c.textContent)));
  assert.equal(lists.length, 3, "newest first: hot, cold, and the first list without a beginning");
  assert.ok(lists.slice(0, 2).flat().every((n) => n.startsWith("pi")), lists.flat().join(","));
  assert.match(await feedback(page, "l6.e4"), /Bravo/);

  // Step 7: the pupil's own list (accents kept as an option), new names or copies.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="7"]');
  await page.fill('[data-testid="own-list"]', CLASS);
  await page.click('[data-testid="use-own"]');
  assert.match(await page.locator('[data-testid="own-notes"]').innerText(), /28\snoms/);
  await page.click('[data-testid="own-steps-0"]');
  await page.click('[data-testid="train-own"]');
  await finished(page);
  await page.click('[data-testid="generate-own"]');
  assert.match(await feedback(page, "l6.e5"), /au moins 300 pas/);
  await page.click('[data-testid="own-steps-1"]');
  await page.click('[data-testid="train-own"]');
  await finished(page);
  await page.fill('[data-testid="own-temp"]', "15");
  let solved = false;
  for (let i = 0; i < 10 && !solved; i++) {
    await page.click('[data-testid="generate-own"]');
    const chips = await page.locator('[data-testid="own-generated"] .chip').evaluateAll((cs) => cs.map((c) => [c.firstChild.textContent.trim(), c.classList.contains("new"), c.classList.contains("empty")]));
    assert.equal(chips.length, 10);
    for (const [name, marked, empty] of chips) {
      // An empty name (the model stopped at once) is neither new nor copied.
      if (name.startsWith("(rien")) { assert.ok(empty && !marked, "an empty name has no mark"); continue; }
      assert.equal(marked, !classNames.has(name), `« ${name} » marked ${marked ? "new" : "copy"}`);
    }
    const fresh = chips.filter(([, n]) => n).length;
    solved = fresh >= 3;
    assert.equal(/Réussi/.test(await feedback(page, "l6.e5")), solved, `${fresh} new names`);
  }
  assert.ok(solved, "300 steps at 1,5 invent new names");

  // Step 8: the calculator uses the measured speed.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="8"]');
  assert.match(await page.locator('[data-testid="gpt4-years"]').innerText(), /années|ans/);

  // Step 9: what we learned; step 10: the end of the course and the diploma.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="9"]');
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="10"]');
  await page.fill('[data-testid="diploma-name"]', "Camille");
  const certificate = await page.locator('[data-testid="certificate"]').innerText();
  assert.match(certificate, /Camille/);
  assert.match(certificate, /entraîné un vrai mini-GPT/);
  assert.match(certificate, /4\sexercices/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "4\u00a0exercices réussis sur 5");
  await page.locator('[data-testid="certificate"]').screenshot({ path: path.join(artifacts, "lecon6-diplome.png") });
  await assertAccessible(page, "lesson 6, certificate");
  // Printed, the diploma fits on one A4 page.
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the diploma prints on ${pages} page(s)`);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 6: no exercise succeeded, no diploma", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 6, 10);
  assert.match(await page.locator('[data-testid="diploma-empty"]').innerText(), /aucun/);
  assert.equal(await page.locator('[data-testid="certificate"]').count(), 0);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 6 on a school laptop: the training comes into view, and leaving asks first", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  await gotoStep(page, base, 6, 5);
  await page.click('[data-testid="train"]');
  await finished(page);
  const live = await page.locator("#live").boundingBox();
  assert.ok(live.y >= 0 && live.y < 768 / 2, `the live curve scrolled into view (top at ${Math.round(live.y)} px)`);
  assert.match(await page.locator("#live").innerText(), /vivent dans cette page/);
  const dialogs = [];
  page.on("dialog", (d) => dialogs.push(d.type()));
  await page.reload();
  await page.waitForSelector('main[data-step="5"]');
  assert.deepEqual(dialogs, ["beforeunload"], "reloading with a trained model asks first");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
