// Lesson 6 walked as a pupil would: data, the first loss predicted, the dominos put in order,
// two real trainings compared, generation with a beginning and two temperatures, a model trained
// on the pupil's own list (copies or new names, checked here against the list), the energy
// calculator, and a diploma that certifies only what was succeeded (and prints on one page).
import { test, describe, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, feedback, outcome, frNumber, artifacts, bigramCounts, datasetNames } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const finished = (page) => page.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 90000 });

const CLASS = "Léa, Hugo, Chloé, Nathan, Emma, Louis, Jade, Gabriel, Inès, Raphaël, Zoé, Adam, Lina, Arthur, Manon, " +
  "Jules, Alice, Tom, Rose, Léo, Ambre, Noah, Lou, Sacha, Mila, Paul, Eva, Nina";
/** The class list as the model sees it (lower case, accents taken off). */
const classNames = new Set(CLASS.split(",").map((n) => n.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")));

/** Whether every letter pair of `name` (with the dots) occurs in `names`: not « bizarre ». */
function wellFormed(name, names) {
  const pairs = bigramCounts(names);
  const w = `.${name}.`;
  return name.length >= 3 && [...w].every((c, i) => i + 1 >= w.length || (pairs.get(c)?.get(w[i + 1]) || 0) > 0);
}

describe("lesson 6, step by step, as a pupil", () => {
  let page, problems, context;
  before(async () => {
    ({ page, problems, context } = await openPage(browser));
    await gotoStep(page, base, 6, 1);
  });
  after(async () => context?.close());

  test("step 1: wake the model", async () => {
    await page.click('[data-testid="first-click"]');
    assert.match(await page.locator("main").innerText(), /4\u00a0192 paramètres/);
  });

  test("step 2: a too-short own list is refused kindly; then the Pokémon", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="2"]');
    await page.fill('[data-testid="own-list"]', "Léa, Hugo 2, 🙂");
    await page.click('[data-testid="use-own"]');
    const notes = await page.locator('[data-testid="own-notes"]').innerText();
    assert.match(notes, /au moins 10\snoms/);
    assert.match(notes, /chiffre/);
    await page.check('[data-dataset="pokemon"]');
  });

  test("step 3: the first loss predicted once, measured after", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="3"]');
    assert.equal(await page.locator('[data-testid="initial-loss"]').count(), 0, "measured only after the prediction");
    await answer(page, "l6.e1", "1");
    assert.match(await feedback(page, "l6.e1"), /Prédiction ratée.*Mesurée pour de vrai/);
    assert.equal(await outcome(page, "l6.e1"), "done");
    const initial = frNumber(await page.locator('[data-testid="initial-loss"]').innerText());
    assert.ok(Math.abs(initial - Math.log(27)) < 0.15, `initial loss ${initial}`);
  });

  test("step 4: the dominos in the order the error goes back", async () => {
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
  });

  test("step 5: two real settings trained, and the pupil names the better one", async () => {
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
    assert.equal(await page.locator('[data-exercise="l6.e3"] [data-choice]').count(), 0, "nothing to compare yet");
    await page.click('[data-testid="train"]');
    await finished(page);
    assert.equal(await page.locator('[data-exercise="l6.e3"] [data-choice]').count(), 0, "the same setting twice is no comparison");
    await page.click('[data-testid="lr-3"]');
    await page.click('[data-testid="train"]');
    await finished(page);
    await page.waitForFunction(() => ![...document.querySelectorAll('[data-testid="eval-loss"]')].some((c) => /cours/.test(c.textContent)));
    const losses = (await page.locator('[data-testid="eval-loss"]').allInnerTexts()).map(frNumber);
    const labels = await page.locator('[data-testid="final-table"] tbody tr td:first-child').allInnerTexts();
    const bestLabel = labels[losses.indexOf(Math.min(...losses))];
    assert.match(await page.locator('[data-exercise="l6.e3"]').innerText(), /Lequel|lequel/);
    assert.doesNotMatch(await feedback(page, "l6.e3").catch(() => ""), /meilleur/, "the page does not name the best before the pupil");
    await page.locator(`[data-exercise="l6.e3"] [data-choice]:has-text("${bestLabel}")`).click();
    assert.match(await feedback(page, "l6.e3"), /Bien lu/);
    await page.locator('[data-widget="loss-curve"]').screenshot({ path: path.join(artifacts, "lecon6-courbes.png") });
    await assertAccessible(page, "lesson 6, trained");
  });

  test("step 6: a beginning, cold and hot lists, odd names counted by the pupil", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="6"]');
    await page.fill('[data-testid="gen-prefix"]', "Pi");
    await page.click(".word-input button");
    await page.fill('[data-testid="gen-temp"]', "3");
    await page.click('[data-testid="generate"]');
    await page.fill('[data-testid="gen-temp"]', "20");
    await page.click('[data-testid="generate"]');
    const pokemon = datasetNames("pokemon.txt");
    const lists = await page.locator(".generated-list").evaluateAll((ds) => ds.map((d) => [...d.querySelectorAll(".chip")].map((c) => [c.firstChild.textContent.trim(), c.classList.contains("odd")])));
    assert.equal(lists.length, 2, "newest first: hot, then cold");
    for (const [name, odd] of lists.flat()) {
      if (name.startsWith("(rien")) continue;
      assert.ok(name.startsWith("pi"), name);
      assert.equal(odd, !wellFormed(name, pokemon), `« ${name} » marked ${odd ? "bizarre" : "like the data"}`);
    }
    const [hot, cold] = lists.map((l) => l.filter(([, odd]) => odd).length);
    await page.click(`[data-exercise="l6.e4"] [data-choice="${cold > hot ? 0 : cold < hot ? 1 : 2}"]`);
    assert.match(await feedback(page, "l6.e4"), /Bien vu/);
  });

  test("step 7: the pupil's own list: copies, new names, odd names", async () => {
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
    await page.fill('[data-testid="own-temp"]', "12");
    const list = [...classNames];
    let solved = false;
    for (let i = 0; i < 12 && !solved; i++) {
      await page.click('[data-testid="generate-own"]');
      const chips = await page.locator('[data-testid="own-generated"] .chip').evaluateAll((cs) => cs.map((c) => [c.firstChild.textContent.trim(), c.className]));
      assert.equal(chips.length, 10);
      let fresh = 0;
      for (const [name, cls] of chips) {
        if (name.startsWith("(rien")) { assert.match(cls, /empty/, "an empty name has no mark"); continue; }
        const expected = classNames.has(name) ? "copy" : wellFormed(name, list) ? "new" : "odd";
        assert.match(cls, new RegExp(expected), `« ${name} » marked ${cls}, expected ${expected}`);
        if (expected === "new") fresh += 1;
      }
      solved = fresh >= 3;
      assert.equal(/Réussi/.test(await feedback(page, "l6.e5")), solved, `${fresh} new names`);
    }
    assert.ok(solved, "300 steps at 1,2 invent new names that sound like the list");
  });

  test("steps 8-10: the calculator, the recap, the diploma on one page", async () => {
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="8"]');
    assert.match(await page.locator('[data-testid="gpt4-years"]').innerText(), /années|ans/);
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="9"]');
    assert.match(await page.locator(".learned").innerText(), /Ce qu'on a appris/);
    await page.click('[data-testid="next"]');
    await page.waitForSelector('main[data-step="10"]');
    await page.fill('[data-testid="diploma-name"]', "Camille");
    const certificate = await page.locator('[data-testid="certificate"]').innerText();
    assert.match(certificate, /Camille/);
    assert.match(certificate, /entraîné un vrai mini-GPT/);
    const solved = Number((await page.locator('[data-testid="global-counter"]').innerText()).split("/")[0]);
    assert.match(certificate, new RegExp(`${solved}\\sexercices? sur 37`));
    assert.match(await page.locator("main").innerText(), /3 essais au plus/, "the diploma says what « réussi » means");
    await assertAccessible(page, "lesson 6, certificate");
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.equal(pages, 1, `the diploma prints on ${pages} page(s)`);
    await page.emulateMedia({ media: "screen" });
    assert.deepEqual(problems, { errors: [], outside: [] });
  });
});

test("lesson 6: no exercise succeeded, no diploma", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 6, 10);
  assert.match(await page.locator('[data-testid="diploma-empty"]').innerText(), /aucun/);
  assert.equal(await page.locator('[data-testid="certificate"]').count(), 0);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("lesson 6 on a school laptop: the training comes into view, leaving during it asks, the model survives a reload", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
  await gotoStep(page, base, 6, 5);
  const train = await page.locator('[data-testid="train"]').boundingBox();
  assert.ok(train.y + train.height < 768, `« Entraîner » is in the first screen (at ${Math.round(train.y)} px)`);
  await page.click('[data-testid="lr-0"]');
  await page.click('[data-testid="steps-2"]');
  await page.click('[data-testid="train"]');
  await page.waitForTimeout(600);
  const live = await page.locator("#live").boundingBox();
  assert.ok(live.y >= -5 && live.y < 768 / 2, `the live curve scrolled into view (top at ${Math.round(live.y)} px)`);
  // The pupil answers « no » to the question.
  await page.evaluate(() => { window.__asked = []; window.confirm = (m) => { window.__asked.push(m); return false; }; });
  await page.click("footer >> text=Ma progression");
  assert.equal((await page.evaluate(() => window.__asked)).length, 1, "leaving during a run asks first");
  assert.match(page.url(), /lecon\/6\/etape\/5/, "« non » keeps the pupil on the lesson");
  await finished(page);
  await page.goto(`${base}#/lecon/6/etape/5`);
  await page.reload();
  await page.waitForSelector('[data-testid="final-table"] tbody tr');
  await gotoStep(page, base, 6, 6);
  assert.equal(await page.locator('[data-testid="generate"]').count(), 1, "the trained model is still there after a reload");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
