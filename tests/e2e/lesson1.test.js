// Lesson 1 walked as a pupil would, one test per step (answers computed here in JS,
// independently of the app): honest predictions, answers hidden until given, tries counted.
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, outcome, artifacts, TEACHING_SET, datasetNames, mostFrequentAfter, bigramCounts, assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const counter = (page) => page.locator('[data-testid="lesson-counter"]').innerText();

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
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^0\/38 réussis$/, "the bonus counts like the others");
  assert.equal(await page.locator(".topbar svg.icon").count(), 2, "logo and projector icons are drawn, not emoji");
  await page.click("footer >> text=Coin des enseignants");
  await page.waitForSelector("main.teachers");
  await page.goBack();
  await page.waitForSelector(".lesson-cards");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

describe("lesson 1, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await page.goto(`${base}#/lecon/1`);
    await page.waitForSelector('main[data-lesson="1"][data-step="1"]');
  });
  after(async () => context?.close());

  test("step 1: one click shows the phone; the suggestions are text", async () => {
    await page.click('[data-testid="first-click"]');
    await page.waitForSelector(".phone");
    assert.equal(await page.locator(".phone button, .phone .btn").count(), 0, "nothing in the phone looks clickable");
    assert.equal(await page.locator(".vocab dt").count(), 4);
  });

  test("step 2: the letter after q, with tries counted", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="2"]');
    assert.doesNotMatch(await page.locator(".patterns").innerText(), /\bU\b|\bQ\b/, "the patterns do not spell the answer");
    // « Tu as sûrement trouvé sans réfléchir » is said after the pupil guessed, not over printed answers.
    assert.doesNotMatch(await page.locator(".patterns").innerText(), /\bD\b|jeudi/, "the answers wait for the pupil's guess");
    assert.doesNotMatch(await page.locator("main").innerText(), /sans réfléchir/);
    await page.click('[data-testid="patterns-check"]');
    assert.match(await page.locator(".patterns").innerText(), /\bD\b[\s\S]*jeudi/);
    assert.match(await page.locator("main").innerText(), /trouvé sans réfléchir/);
    await answer(page, "l1.e1", "1e309");
    assert.match(await feedback(page, "l1.e1"), /une seule lettre/, "a number is not read as a letter");
    await answer(page, "l1.e1", "x");
    assert.match(await feedback(page, "l1.e1"), /Pas tout à fait/);
    assert.match(await page.locator('[data-exercise="l1.e1"] [data-testid="tries-note"]').innerText(), /Il te reste 2\u00a0essais/);
    await page.click('[data-exercise="l1.e1"] .btn.hint');
    assert.match(await page.locator('[data-exercise="l1.e1"] .hint-text').innerText(), /quoi/);
    await answer(page, "l1.e1", " U ");
    assert.match(await feedback(page, "l1.e1"), /Bravo/);
    assert.equal(await outcome(page, "l1.e1"), "solved", "found at the 2nd real try");
    assert.equal(await counter(page), "1\u00a0exercice réussi sur 7");
  });

  test("step 3: the pairs of .pikachu., then .evoli. counted by the pupil", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.locator('[data-exercise="l1.e2"] .hint-text').count(), 0, "the last step's hint does not stay open");
    assert.equal(await page.inputValue('[data-exercise-input="l1.e2"]'), "", "the last step's answer is not in the box");
    // The button stays under the pointer while the list of pairs grows.
    const at = async () => (await page.locator('[data-testid="next-pair"]').boundingBox()).y;
    const first = await at();
    for (let i = 0; i < 7; i++) await page.click('[data-testid="next-pair"]');
    assert.equal(await at(), first, "« Paire suivante » did not move");
    await page.click('[data-testid="next-pair"]');
    assert.equal(await page.locator(".pair-tally li").count(), 8);
    // Each mistake hears its own explanation.
    await answer(page, "l1.e2", "7");
    assert.match(await feedback(page, "l1.e2"), /une paire de trop/);
    await answer(page, "l1.e2", "5");
    assert.match(await feedback(page, "l1.e2"), /Il en manque une/);
    await answer(page, "l1.e2", "-6");
    assert.match(await feedback(page, "l1.e2"), /sans signe/, "a sign is refused, not a try");
    assert.match(await page.locator('[data-exercise="l1.e2"] [data-testid="tries-note"]').innerText(), /1\u00a0essai/);
    await answer(page, "l1.e2", "6");
    assert.match(await feedback(page, "l1.e2"), /6 paires/);
  });

  test("step 4: predict first (no table, no hint that spells it), then read row « l »", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="4"]');
    assert.equal(await page.locator('[data-widget="heatmap"]').count(), 0, "the table is hidden before the prediction");
    await page.click('[data-exercise="l1.e3"] .btn.hint');
    assert.doesNotMatch(await page.locator('[data-exercise="l1.e3"] .hint-text').innerText(), /a-r|\bar\b/, "the hint does not give the answer");
    assert.deepEqual(mostFrequentAfter(TEACHING_SET, "a"), ["r"]);
    await answer(page, "l1.e3", "l");
    assert.match(await feedback(page, "l1.e3"), /Prédiction ratée.*«\u00a0r\u00a0»/);
    assert.equal(await outcome(page, "l1.e3"), "done");
    assert.ok(await page.locator('[data-exercise="l1.e3"] input').isDisabled(), "a prediction is answered once");
    assert.equal(await page.locator('[data-name="counts"] svg rect.cell').count(), 729);
    await page.hover('[data-name="counts"] rect[data-row="1"][data-col="18"]');
    assert.match(await page.locator('[data-testid="counts-detail"]').innerText(), /Après «\u00a0a\u00a0» vient «\u00a0r\u00a0»\u00a0: 5 fois/);
    const detailBox = await page.locator('[data-testid="counts-detail"]').boundingBox();
    const gridBox = await page.locator('[data-name="counts"] svg').boundingBox();
    assert.ok(detailBox.y < gridBox.y, "the number read appears above the table, in view");
    await page.locator('[data-name="counts"] .hm-axis[role=button]').nth(12).click();
    assert.match(await page.locator('[data-testid="row-summary"]').innerText(), /Ligne «\u00a0l\u00a0»\u00a0: 12\u00a0paires/);
    assert.doesNotMatch(await page.locator('[data-testid="row-summary"]').innerText(), /Le plus souvent/, "exercise 4 is read in the cells");
    const afterL = mostFrequentAfter(TEACHING_SET, "l");
    assert.deepEqual(afterL, ["i"]);
    await answer(page, "l1.e4", "a");
    assert.match(await feedback(page, "l1.e4"), /pas la plus fréquente/);
    await answer(page, "l1.e4", afterL[0]);
    assert.match(await feedback(page, "l1.e4"), /Exact/);
    await page.locator('[data-name="counts"]').screenshot({ path: path.join(artifacts, "lecon1-heatmap.png") });
  });

  test("step 5: read the exercise, then change the data until one letter starts the most names", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="5"]');
    const prompt = await page.locator('[data-exercise="l1.e5"]').boundingBox();
    const box = await page.locator('[data-testid="add-name-input"]').boundingBox();
    assert.ok(prompt.y < box.y, "the exercise is above the names box: read before typing");
    assert.equal(await page.locator('[data-name="counts"] .row-highlight').getAttribute("y"), await page.locator('[data-name="counts"] rect[data-row="0"][data-col="0"]').getAttribute("y").then((y) => String(Number(y) - 1)), "row « . » is the one shown, not step 4's row");
    assert.match(await page.locator('[data-testid="row-summary"]').innerText(), /Ligne «\u00a0.\u00a0»/);
    await page.fill('[data-testid="add-name-input"]', "Zoé 123 🙂, pikachu, tortank");
    await page.click(".add-name button");
    const notes = (await page.locator(".name-chips .notes").innerText()).replace(/\u00a0/g, " ");
    assert.match(notes, /Ajouté : zoe, tortank/);
    assert.match(notes, /Accents enlevés \(é\)/);
    assert.match(notes, /3 chiffres enlevés/);
    assert.match(notes, /emoji/);
    assert.match(notes, /Déjà dans la liste : pikachu/);
    assert.match(await feedback(page, "l1.e5"), /égalité/i, "two new first letters: still a tie");
    assert.match(await page.locator('[data-exercise="l1.e5"] [data-testid="tries-note"]').innerText(), /2\u00a0essais/, "a tie is a try");
    await page.fill('[data-testid="add-name-input"]', "tiplouf");
    await page.click(".add-name button");
    assert.match(await feedback(page, "l1.e5"), /Réussi.*«\u00a0t\u00a0»/);
    assert.equal(await outcome(page, "l1.e5"), "solved", "found at the 2nd try");
  });

  test("step 6: the bars of row « o » wait for the pupil's own computation", async () => {
    const names = [...TEACHING_SET, "zoe", "tortank", "tiplouf"];
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="6"]');
    const row = bigramCounts(names).get("o");
    const total = [...row.values()].reduce((a, b) => a + b, 0);
    const pct = 100 * (row.get("u") || 0) / total;
    assert.match(await page.locator("main").innerText(), /Exemple avec la ligne «\u00a0c\u00a0»/, "the example is not exercise 4's row");
    await page.click('[data-key="o"]');
    assert.match(await page.locator('[data-testid="row-summary"]').innerText(), new RegExp(`Ligne «\u00a0o\u00a0»\u00a0: ${total}\u00a0paires`));
    assert.equal(await page.locator('[data-widget="prob-bars"]').count(), 0, "row « o »'s percentages are not on screen before the answer");
    assert.equal(await page.locator('[data-testid="row-o-hidden"]').count(), 1);
    await answer(page, "l1.e6", (pct / 100).toFixed(2).replace(".", ","));
    assert.match(await feedback(page, "l1.e6"), /Multiplie-la par 100/);
    // A round number next to the answer is not « arrondie à l'unité ».
    await answer(page, "l1.e6", String(Math.round(pct) + 1));
    assert.match(await feedback(page, "l1.e6"), /Pas encore/);
    await answer(page, "l1.e6", String(Math.round(pct)));
    assert.match(await feedback(page, "l1.e6"), /Oui.*environ/);
    assert.equal(await outcome(page, "l1.e6"), "solved", "found at the 3rd try");
    assert.equal(await page.locator('[data-widget="prob-bars"]').count(), 1, "the bars show once answered");
    await page.click('[data-key="l"]');
    assert.ok(await page.locator('[data-widget="prob-bars"] .bar').count() <= 10);
  });

  test("step 7: invent, look up in the Pokédex, then create a name the model could invent", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="7"]');
    const pokemon = new Set(datasetNames("pokemon.txt"));
    for (let i = 0; i < 2; i++) await page.click('[data-testid="invent"]');
    assert.match(await page.locator(".generator .count").innerText(), /20\u00a0noms inventés/);
    const buttons = page.locator(".generator .chips .chip-btn");
    for (let i = 0; i < 3; i++) await buttons.nth(i).click();
    for (const v of await page.locator(".pokedex li").allInnerTexts()) {
      const name = v.match(/«\u00a0(.*)\u00a0»/)[1];
      assert.equal(/vrai Pokémon/.test(v), pokemon.has(name), `Pokédex verdict for ${name}`);
    }
    // Copying a name the model invented is not creating one.
    const invented = (await buttons.allInnerTexts()).map((n) => n.trim()).find((n) => n.length >= 4 && !TEACHING_SET.includes(n) && !n.includes("("));
    if (invented) {
      await answer(page, "l1.e7", invented);
      assert.match(await feedback(page, "l1.e7"), /inventé par le modèle/);
    }
    await answer(page, "l1.e7", "emma");
    assert.match(await feedback(page, "l1.e7"), /ne pourra jamais.*paire.*nos noms n'ont que/, "the refusal shows what may follow, here");
    await page.click('[data-exercise="l1.e7"] .btn.hint');
    assert.doesNotMatch(await page.locator('[data-exercise="l1.e7"] .hint-text').innerText(), /étape 4/, "no table three steps back");
    // A name of one's own whose every pair exists: « .ga », « ar », « ra », « a. ».
    const counts = bigramCounts([...TEACHING_SET, "zoe", "tortank", "tiplouf"]);
    const word = ".gara.";
    for (let i = 0; i + 1 < word.length; i++) assert.ok(counts.get(word[i]).get(word[i + 1]) > 0);
    await answer(page, "l1.e7", "Gara");
    assert.match(await feedback(page, "l1.e7"), /Bravo/);
    await assertAccessible(page, "lesson 1, names invented");
  });

  test("step 8: reflection, the pupil's sentence, recap, sources", async () => {
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector('main[data-step="8"]');
    assert.match(await page.locator(".reflection .question").innerText(), /\?/);
    await page.fill('[data-testid="explain-input"]', "Il regarde la lettre d'avant et tire au sort avec les comptes.");
    await page.click('[data-testid="explain-save"]');
    assert.match(await page.locator('[data-testid="explain-saved"]').innerText(), /enregistrée/);
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    assert.match(await page.locator(".sources").innerText(), /Nintendo/);
  });

  test("reload: results kept, the prediction's table still shown", async () => {
    const before = await counter(page);
    await page.reload();
    await page.waitForSelector('main[data-step="8"]');
    assert.equal(await counter(page), before);
    assert.equal(await page.inputValue('[data-testid="explain-input"]'), "Il regarde la lettre d'avant et tire au sort avec les comptes.");
    await gotoStep(page, base, 1, 4);
    assert.equal(await outcome(page, "l1.e3"), "done");
    assert.equal(await page.locator('[data-widget="heatmap"]').count(), 1, "after a reload, a made prediction still shows the table");
  });

  test("« Recommencer la leçon » hides again what a prediction revealed and never upgrades it", async () => {
    const before = await counter(page);
    await page.click('[data-testid="reset-lesson"]');
    await page.waitForSelector('[data-exercise="l1.e3"] input:not([disabled])');
    assert.equal(await page.locator('[data-widget="heatmap"]').count(), 0, "the table is hidden again");
    assert.doesNotMatch(await page.locator("main").innerText(), /Recommencer la leçon» permet/);
    await answer(page, "l1.e3", "r");
    assert.equal(await outcome(page, "l1.e3"), "done", "a restart never turns a missed prediction into « réussi »");
    assert.equal(await counter(page), before, "the first results stay recorded");
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});

test("before the prediction of exercise 3, no step shows row « a »", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 1, 5);
  assert.equal(await page.locator('[data-widget="heatmap"]').count(), 0, "step 5 hides the table");
  assert.equal(await page.locator('[data-testid="table-after-e3"]').count(), 1);
  await gotoStep(page, base, 1, 6);
  await page.click('[data-key="a"]');
  assert.equal(await page.locator('[data-widget="prob-bars"]').count(), 0, "step 6 hides row « a »");
  assert.doesNotMatch(await page.locator("main").innerText(), /Ligne «\u00a0a\u00a0»/);
  await page.click('[data-testid="table-after-e3"] a');
  await page.waitForSelector('main[data-step="4"]');
  await answer(page, "l1.e3", "r");
  assert.equal(await outcome(page, "l1.e3"), "solved");
  await gotoStep(page, base, 1, 6);
  await page.click('[data-key="a"]');
  assert.equal(await page.locator('[data-widget="prob-bars"]').count(), 1, "shown once predicted");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a route change opens the page at its top", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  const bottom = () => page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  const top = () => page.evaluate(() => window.scrollY);
  await gotoStep(page, base, 1, 8);
  await bottom();
  assert.ok((await top()) > 0, "the recap is longer than the window");
  await page.click('main .step-nav a');
  await page.waitForSelector(".lesson-cards");
  assert.equal(await top(), 0, "home after a lesson");
  for (const [link, ready] of [["Ma progression", "main"], ["Atelier", "main"], ["Confidentialité", "main"]]) {
    await bottom();
    await page.click(`footer >> text=${link}`);
    await page.waitForSelector(ready);
    await page.waitForFunction(() => window.scrollY === 0, null, { timeout: 3000 }).catch(() => {});
    assert.equal(await top(), 0, `« ${link} » from the footer`);
  }
  await gotoStep(page, base, 1, 7);
  await bottom();
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="8"]');
  assert.equal(await top(), 0, "the next step");
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

test("progress saved by the previous versions is kept", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", JSON.stringify({ version: 2, outcomes: { "l1.e1": "solved", "l2.e1": "solved", "l1.e3": "missed" } })));
  await page.reload();
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^2\/\d+ réussis$/);
  await gotoStep(page, base, 1, 4);
  assert.equal(await outcome(page, "l1.e3"), "done");
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", JSON.stringify({ version: 1, done: ["l1.e1", "l2.e1"] })));
  await page.reload();
  await page.waitForSelector('[data-testid="global-counter"]');
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
