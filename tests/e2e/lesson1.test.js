// Lesson 1 walked as a pupil would: every step, every exercise, progress kept and reset.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, artifacts, TEACHING_SET, datasetNames, mostFrequentAfter } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("home page presents the course and the six lessons", async () => {
  const { page, problems, context } = await openPage(browser);
  const start = Date.now();
  await page.goto(base);
  await page.waitForSelector(".lesson-cards li");
  console.log(`# first paint of the home page: ${Date.now() - start} ms`);
  assert.match(await page.locator("h1").innerText(), /Crée ton propre mini-ChatGPT/);
  assert.equal(await page.locator(".lesson-card").count(), 6);
  assert.equal(await page.locator(".lesson-card.soon").count(), 0, "all six lessons are available");
  assert.equal(await page.locator(".atelier-card a").count(), 1);
  assert.match(await page.locator('[data-lesson="1"] .status').innerText(), /à faire 0\/4 exercices/);
  await page.click("text=Coin des enseignants");
  await page.waitForSelector("main.teachers");
  await page.goBack();
  await page.waitForSelector(".lesson-cards");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 1: every step and exercise, as a pupil", async () => {
  const { page, problems, context } = await openPage(browser);
  const t0 = Date.now();
  await page.goto(`${base}#/lecon/1`);
  await page.waitForSelector('main[data-lesson="1"][data-step="1"]');
  console.log(`# navigation → first lesson paint: ${Date.now() - t0} ms`);

  // Step 1: one click shows something.
  await page.click('[data-testid="first-click"]');
  await page.waitForSelector(".phone");
  assert.equal(await page.locator(".vocab dt").count(), 4);

  // Keyboard → goes to step 2; Next button works too.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="2"]');
  await answer(page, "l1.e1", "x");
  assert.match(await feedback(page, "l1.e1"), /Pas tout à fait/);
  await page.click('[data-exercise="l1.e1"] .btn.hint');
  assert.match(await page.locator('[data-exercise="l1.e1"] .hint-text').innerText(), /quoi/);
  await answer(page, "l1.e1", " U ");
  assert.match(await feedback(page, "l1.e1"), /Bravo/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "1/4 exercices");
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^1\/\d+ exercices$/);

  // Step 3: add names; what was dropped is explained.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator(".name-chips .chip").count(), 20);
  await page.fill('[data-testid="add-name-input"]', "Zoé 123 🙂, pikachu");
  await page.click(".add-name button");
  assert.equal(await page.locator(".name-chips .chip").count(), 21);
  const notes = await page.locator(".name-chips .notes").innerText();
  assert.match(notes, /Ajouté : zoe/);
  assert.match(notes, /3 chiffre/);
  assert.match(notes, /emoji/);
  assert.match(notes, /Déjà dans la liste : pikachu/);
  const names = [...TEACHING_SET, "zoe"];

  // Step 4: count the pairs of .pikachu. one by one.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="4"]');
  for (let i = 0; i < 8; i++) await page.click('[data-testid="next-pair"]');
  assert.equal(await page.locator(".pair-tally li").count(), 8);

  // Step 5: the heatmap (27×27 SVG cells), hover details, exercise checked against the counts.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="5"]');
  assert.equal(await page.locator('[data-name="counts"] svg rect.cell').count(), 729);
  await page.hover('[data-name="counts"] rect[data-row="1"][data-col="18"]');
  assert.match(await page.locator('[data-name="counts"] .detail').innerText(), /Après « a » vient « r » : \d+ fois/);
  const ar = await page.getAttribute('[data-name="counts"] rect[data-row="1"][data-col="18"]', "data-value");
  assert.equal(Number(ar), names.join(" ").split("ar").length - 1 + 0, "a→r count matches the names");
  await page.locator('[data-name="counts"] text[role=button]').first().click(); // the "." row
  const starts = mostFrequentAfter(names, ".");
  const wrong = "abcdefghijklmnopqrstuvwxyz".split("").find((l) => !starts.includes(l));
  await answer(page, "l1.e2", wrong);
  assert.match(await feedback(page, "l1.e2"), /pas la plus fréquente/);
  await answer(page, "l1.e2", starts[0].toUpperCase());
  assert.match(await feedback(page, "l1.e2"), /Exact/);
  await page.locator('[data-name="counts"]').screenshot({ path: path.join(artifacts, "lecon1-heatmap.png") });

  // Step 6: predict, then the bars are revealed.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="6"]');
  assert.equal(await page.locator('[data-widget="prob-bars"]').count(), 0, "bars hidden before predicting");
  const afterA = mostFrequentAfter(names, "a");
  const wrongA = "bcdefghijklmnopqrstuvwxyz".split("").find((l) => !afterA.includes(l));
  await answer(page, "l1.e3", wrongA);
  assert.match(await feedback(page, "l1.e3"), /Raté/);
  assert.equal(await page.locator('[data-widget="prob-bars"] .bar').count(), 10);
  assert.equal(await page.locator('[data-widget="prob-bars"] .bar').first().getAttribute("data-letter"), [...afterA].sort()[0]);
  await answer(page, "l1.e3", afterA[0]);
  assert.match(await feedback(page, "l1.e3"), /Bien prédit/);
  await page.locator('[data-widget="prob-bars"]').screenshot({ path: path.join(artifacts, "lecon1-barres.png") });
  await assertAccessible(page, "lesson 1, bars revealed");

  // Step 7: invent 50+ names, check 5 of them in the Pokédex (answers checked in JS too).
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="7"]');
  const pokemon = new Set(datasetNames("pokemon.txt"));
  await page.click('[data-testid="invent"]');
  const first = await page.locator(".generator .chips .chip-btn").allInnerTexts();
  await page.locator(".generator .chips .chip-btn").first().click();
  assert.match(await feedback(page, "l1.e4"), /Invente encore 40 noms/);
  for (let i = 0; i < 4; i++) await page.click('[data-testid="invent"]');
  assert.match(await page.locator(".generator .count").innerText(), /50 noms inventés/);
  assert.ok((await page.locator(".generator .draws .draw").count()) >= 2, "the letter-by-letter draws are shown");
  const buttons = page.locator(".generator .chips .chip-btn");
  const seen = new Set([first[0]]);
  for (let i = 1; seen.size < 5; i++) {
    const name = await buttons.nth(i).innerText();
    if (seen.has(name)) continue;
    seen.add(name);
    await buttons.nth(i).click();
  }
  const verdicts = await page.locator(".pokedex li").allInnerTexts();
  assert.equal(verdicts.length, 5);
  for (const v of verdicts) {
    const name = v.match(/« (.*) »/)[1];
    assert.equal(/vrai Pokémon/.test(v), pokemon.has(name), `Pokédex verdict for ${name}`);
  }
  assert.match(await feedback(page, "l1.e4"), /Bien enquêté/);
  await page.locator(".generator").screenshot({ path: path.join(artifacts, "lecon1-generateur.png") });
  await assertAccessible(page, "lesson 1, names invented");

  // Step 8: recap, link to lesson 2, sources.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="8"]');
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  assert.match(await page.locator(".sources").innerText(), /microgpt\.py/);
  assert.match(await page.locator(".sources").innerText(), /Nintendo/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "4/4 exercices");

  // Reload: progress kept. Home shows the lesson as done.
  await page.reload();
  await page.waitForSelector('main[data-step="8"]');
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "4/4 exercices");
  await page.goto(base);
  assert.match(await page.locator('[data-lesson="1"] .status').innerText(), /terminé 4\/4/);

  // Back/forward through the browser history.
  await page.goBack();
  await page.waitForSelector('main[data-lesson="1"]');
  await page.goForward();
  await page.waitForSelector(".lesson-cards");

  // Reset the lesson.
  await gotoStep(page, base, 1, 2);
  await page.click('[data-testid="reset-lesson"]');
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "0/4 exercices");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("unreadable saved progress starts fresh with a message", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", "{not json"));
  await page.reload();
  assert.match(await page.locator(".notice").innerText(), /illisible/);
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^0\/\d+ exercices$/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a browser that refuses storage: the app says so and keeps working", async () => {
  const { page, problems, context } = await openPage(browser);
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("refusé", "SecurityError"); } });
  });
  await gotoStep(page, base, 1, 2);
  assert.match(await page.locator(".notice").innerText(), /refuse d'enregistrer/);
  await answer(page, "l1.e1", "u");
  assert.match(await feedback(page, "l1.e1"), /Bravo/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "1/4 exercices");
  await page.click('[data-testid="projection"]');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("projection")));
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
