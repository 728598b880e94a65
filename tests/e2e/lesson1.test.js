// Lesson 1 walked as a pupil would: every step, every exercise (answers computed here in JS,
// independently of the app), honest predictions, progress kept and reset.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, outcome, artifacts, TEACHING_SET, datasetNames, mostFrequentAfter, bigramCounts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

test("home page presents the course, the bonus and the Atelier", async () => {
  const { page, problems, context } = await openPage(browser);
  const start = Date.now();
  await page.goto(base);
  await page.waitForSelector(".lesson-cards li");
  console.log(`# first paint of the home page: ${Date.now() - start} ms`);
  assert.match(await page.locator("h1").innerText(), /Crée ton propre mini-GPT/);
  assert.equal(await page.locator(".lesson-card").count(), 6);
  assert.equal(await page.locator(".bonus-card").count(), 1);
  assert.equal(await page.locator(".atelier-card a").count(), 1);
  assert.match(await page.locator('[data-lesson="1"] .status').innerText(), /à faire 0\u00a0exercice réussi sur 7/);
  assert.equal(await page.locator(".topbar svg.icon").count(), 2, "logo and projector icons are drawn, not emoji");
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

  // Step 1: one click shows something; the suggestions are text, not buttons.
  await page.click('[data-testid="first-click"]');
  await page.waitForSelector(".phone");
  assert.equal(await page.locator(".phone button, .phone .btn").count(), 0, "nothing in the phone looks clickable");
  assert.equal(await page.locator(".vocab dt").count(), 4);

  // Step 2: the patterns do not give away the answer of exercise 1.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="2"]');
  assert.doesNotMatch(await page.locator(".patterns").innerText(), /Q/);
  await answer(page, "l1.e1", "x");
  assert.match(await feedback(page, "l1.e1"), /Pas tout à fait/);
  await page.click('[data-exercise="l1.e1"] .btn.hint');
  assert.match(await page.locator('[data-exercise="l1.e1"] .hint-text').innerText(), /quoi/);
  await answer(page, "l1.e1", " U ");
  assert.match(await feedback(page, "l1.e1"), /Bravo/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "1\u00a0exercice réussi sur 7");
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^1\/\d+ réussis$/);

  // Step 3: the pairs of .pikachu., then .evoli. counted by the pupil.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="3"]');
  assert.equal(await page.locator('[data-exercise="l1.e2"] .hint-text').count(), 0, "the hint of the previous step does not stay open");
  for (let i = 0; i < 8; i++) await page.click('[data-testid="next-pair"]');
  assert.equal(await page.locator(".pair-tally li").count(), 8);
  await answer(page, "l1.e2", "5");
  assert.match(await feedback(page, "l1.e2"), /points/);
  await answer(page, "l1.e2", "6");
  assert.match(await feedback(page, "l1.e2"), /6 paires/);

  // Step 4: predict first (no table yet), then the table.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="4"]');
  assert.equal(await page.locator('[data-widget="heatmap"]').count(), 0, "the table is hidden before the prediction");
  const afterA = mostFrequentAfter(TEACHING_SET, "a");
  assert.deepEqual(afterA, ["r"]);
  await answer(page, "l1.e3", "l"); // a wrong prediction: it counts
  assert.match(await feedback(page, "l1.e3"), /Prédiction ratée.*«\u00a0r\u00a0»/);
  assert.equal(await outcome(page, "l1.e3"), "missed");
  assert.ok(await page.locator('[data-exercise="l1.e3"] input').isDisabled(), "a prediction is answered once");
  assert.equal(await page.locator('[data-name="counts"] svg rect.cell').count(), 729);
  assert.equal(await page.locator('[data-testid="row-summary"]').count(), 0, "no row chosen yet: nothing read for the pupil");
  // Hover and tap read a cell above the table.
  await page.hover('[data-name="counts"] rect[data-row="1"][data-col="18"]');
  assert.match(await page.locator('[data-testid="counts-detail"]').innerText(), /Après «\u00a0a\u00a0» vient «\u00a0r\u00a0»\u00a0: 5 fois/);
  const detailBox = await page.locator('[data-testid="counts-detail"]').boundingBox();
  const gridBox = await page.locator('[data-name="counts"] svg').boundingBox();
  assert.ok(detailBox.y < gridBox.y, "the number read appears above the table, in view");
  // The « . » row label is a target of at least 20×20 px; choosing the « c » row.
  const hit = await page.locator('[data-name="counts"] .hm-axis[role=button]').first().boundingBox();
  assert.ok(hit.width >= 20 && hit.height >= 18, `row label target ${hit.width}×${hit.height}`);
  await page.locator('[data-name="counts"] .hm-axis[role=button]').nth(3).click();
  assert.match(await page.locator('[data-testid="row-summary"]').innerText(), /Ligne «\u00a0c\u00a0»\u00a0: 9\u00a0paires/);
  const afterC = mostFrequentAfter(TEACHING_SET, "c");
  await answer(page, "l1.e4", afterC[0] === "h" ? "t" : "h");
  assert.match(await feedback(page, "l1.e4"), /pas la plus fréquente/);
  await answer(page, "l1.e4", afterC[0]);
  assert.match(await feedback(page, "l1.e4"), /Exact/);
  await page.locator('[data-name="counts"]').screenshot({ path: path.join(artifacts, "lecon1-heatmap.png") });

  // Step 5: change the data until one letter starts the most names.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="5"]');
  await page.fill('[data-testid="add-name-input"]', "Zoé 123 🙂, pikachu, tortank");
  await page.click(".add-name button");
  const notes = (await page.locator(".name-chips .notes").innerText()).replace(/\u00a0/g, " ");
  assert.match(notes, /Ajouté : zoe, tortank/);
  assert.match(notes, /Accents enlevés \(é\)/);
  assert.match(notes, /3 chiffres enlevés/);
  assert.match(notes, /emoji/);
  assert.match(notes, /Déjà dans la liste : pikachu/);
  assert.match(await feedback(page, "l1.e5"), /égalité/i, "two new first letters: still a tie");
  await page.fill('[data-testid="add-name-input"]', "tiplouf");
  await page.click(".add-name button");
  assert.match(await feedback(page, "l1.e5"), /Réussi.*«\u00a0t\u00a0»/);
  const names = [...TEACHING_SET, "zoe", "tortank", "tiplouf"];

  // Step 6: a probability computed by the pupil, from the table's numbers.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="6"]');
  const row = bigramCounts(names).get("o");
  const total = [...row.values()].reduce((a, b) => a + b, 0);
  const pct = 100 * (row.get("u") || 0) / total;
  await page.click('[data-key="o"]');
  assert.match(await page.locator('[data-testid="row-summary"]').innerText(), new RegExp(`Ligne «\u00a0o\u00a0»\u00a0: ${total}\u00a0paires`));
  assert.ok(await page.locator('[data-widget="prob-bars"] .bar').count() <= 10);
  assert.equal(await page.locator('[data-widget="prob-bars"] .bar-value:text("0 %")').count(), 0, "no empty bars");
  await answer(page, "l1.e6", (pct / 100).toFixed(2).replace(".", ","));
  assert.match(await feedback(page, "l1.e6"), /Multiplie-la par 100/);
  await answer(page, "l1.e6", String(Math.round(pct)));
  assert.match(await feedback(page, "l1.e6"), /Exact/);
  await page.locator('[data-widget="prob-bars"]').screenshot({ path: path.join(artifacts, "lecon1-barres.png") });

  // Step 7: invent, look up in the Pokédex (verdicts checked in JS), then a name the model can never invent.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="7"]');
  const pokemon = new Set(datasetNames("pokemon.txt"));
  for (let i = 0; i < 2; i++) await page.click('[data-testid="invent"]');
  assert.match(await page.locator(".generator .count").innerText(), /20\u00a0noms inventés/);
  assert.ok((await page.locator(".generator .draws .draw").count()) >= 2, "the letter-by-letter draws are shown");
  const buttons = page.locator(".generator .chips .chip-btn");
  for (let i = 0; i < 3; i++) await buttons.nth(i).click();
  for (const v of await page.locator(".pokedex li").allInnerTexts()) {
    const name = v.match(/«\u00a0(.*)\u00a0»/)[1];
    assert.equal(/vrai Pokémon/.test(v), pokemon.has(name), `Pokédex verdict for ${name}`);
  }
  await answer(page, "l1.e7", "pika");
  assert.match(await feedback(page, "l1.e7"), /pourrait l'inventer/);
  await answer(page, "l1.e7", "Zzyzx");
  assert.match(await feedback(page, "l1.e7"), /impossible.*«\u00a0z\u00a0» puis «\u00a0z\u00a0»/);
  await assertAccessible(page, "lesson 1, names invented");

  // Step 8: reflection with a question, recap, link to lesson 2, sources.
  await page.keyboard.press("ArrowRight");
  await page.waitForSelector('main[data-step="8"]');
  assert.match(await page.locator(".reflection .question").innerText(), /\?/);
  assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
  assert.match(await page.locator(".sources").innerText(), /Nintendo/);
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "6\u00a0exercices réussis sur 7");

  // Reload: progress kept, the missed prediction too. Home shows the lesson as done.
  await page.reload();
  await page.waitForSelector('main[data-step="8"]');
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "6\u00a0exercices réussis sur 7");
  await gotoStep(page, base, 1, 4);
  assert.equal(await outcome(page, "l1.e3"), "missed");
  assert.equal(await page.locator('[data-widget="heatmap"]').count(), 1, "after a reload, a made prediction still shows the table");
  await page.goto(base);
  assert.match(await page.locator('[data-lesson="1"] .status').innerText(), /terminé 6\u00a0exercices réussis sur 7/);

  // Reset the lesson (after a confirmation).
  await gotoStep(page, base, 1, 2);
  await page.click('[data-testid="reset-lesson"]');
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "0\u00a0exercice réussi sur 7");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("unreadable saved progress starts fresh with a message", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", "{not json"));
  await page.reload();
  assert.match(await page.locator(".notice").innerText(), /illisible/);
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^0\/\d+ réussis$/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("progress saved by the previous version is kept", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", JSON.stringify({ version: 1, done: ["l1.e1", "l2.e1"] })));
  await page.reload();
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^2\/\d+ réussis$/);
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
  assert.equal(await page.locator('[data-testid="lesson-counter"]').innerText(), "1\u00a0exercice réussi sur 7");
  await page.click('[data-testid="projection"]');
  assert.ok(await page.evaluate(() => document.documentElement.classList.contains("projection")));
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a browser without WebAssembly SIMD gets a clear message, not a blank page", async () => {
  const { page, context } = await openPage(browser);
  // As in such a browser: the SIMD module does not validate, and the app's module does not compile.
  await context.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError("SIMD inconnu"));
    WebAssembly.validate = () => false;
    WebAssembly.instantiateStreaming = refuse;
    WebAssembly.instantiate = refuse;
    WebAssembly.compileStreaming = refuse;
    WebAssembly.compile = refuse;
  });
  await page.goto(base);
  await page.waitForSelector("#no-wasm:not([hidden])");
  assert.match(await page.locator("#no-wasm").innerText(), /trop ancien.*SIMD/s);
  assert.equal(await page.locator(".topbar").count(), 0);
  await context.close();
});
