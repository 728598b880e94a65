// The teachers' kit: the corner with its offline download, a plan per lesson, the answer key for
// every exercise, printable sheets (one page each), the curriculum, and the pupil's progress page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve, launch, openPage, dist, artifacts } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function printedPages(page) {
  await page.emulateMedia({ media: "print" });
  const pdf = await page.pdf({ format: "A4" });
  await page.emulateMedia({ media: "screen" });
  return (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
}

test("teachers' corner: kit for seven lessons, the one-file download, the browsers tested", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants`);
  await page.waitForSelector("main.teachers");
  assert.equal(await page.locator(".kit-cards section").count(), 7);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="download-offline"]')]);
  assert.equal(download.suggestedFilename(), "tuto-llm.html");
  const file = path.join(artifacts, "telecharge.html");
  await download.saveAs(file);
  // The downloaded page works by itself.
  const offline = await context.newPage();
  await offline.goto(pathToFileURL(file).href + "#/enseignants");
  await offline.waitForSelector('[data-testid="already-offline"]');
  await offline.close();
  assert.ok(await page.locator('[data-testid="browsers"] tr').count() >= 4, "Chromium, Firefox, WebKit at least");
  // The size the page states is the real file's, within 0.1 MB.
  const stated = Number((await page.locator("main").innerText()).match(/tuto-llm\.html \(environ (\d+,\d)\s?Mo\)/)[1].replace(",", "."));
  const real = fs.statSync(path.join(dist, "tuto-llm.html")).size / 1e6;
  assert.ok(Math.abs(stated - real) <= 0.1, `the page says ${stated} MB, the file is ${real.toFixed(2)} MB`);
  // The note for the data protection officer, from the corner.
  await page.click(`a[href="#/enseignants/dpo"]`);
  await page.waitForSelector('[data-testid="dpo"]');
  const dpo = await page.locator("main").innerText();
  for (const what of [/prénom et l'initiale du nom/, /première réponse/, /«\s?À toi d'expliquer\s?»/, /Où les garder/, /Quand les supprimer/, /fin de l'année scolaire/, /aucune requête vers Internet/]) assert.match(dpo, what);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("plans, answer key, sheets and curriculum", async () => {
  const { page, problems, context } = await openPage(browser);
  for (let n = 1; n <= 7; n++) {
    await page.goto(`${base}#/enseignants/lecon/${n}`);
    await page.waitForSelector('[data-testid="plan"]');
    assert.ok(await page.locator('[data-testid="plan"] tr').count() >= 4, `plan of lesson ${n}`);
    assert.ok(await page.locator(".key-table tr[data-exercise]").count() >= 4, `exercises of lesson ${n}`);
    // A plan a non-specialist can run: words to say, a margin, help for fast and slow pairs,
    // leads for the discussion; the phases name the lesson's steps.
    for (const id of ["background", "opening", "closing", "discussion"]) assert.ok((await page.locator(`[data-testid="${id}"]`).innerText()).length > 40, `${id} of lesson ${n}`);
    const margin = Number((await page.locator('[data-testid="margin"]').innerText()).match(/(\d+)\s*min/)[1]);
    assert.ok(margin >= 5, `lesson ${n}: ${margin} min of margin`);
    const plan = await page.locator('[data-testid="plan"]').innerText();
    assert.match(plan, /Étape/);
    // Pupils name themselves (a pair: both names), and the files reach the teacher in 5 minutes.
    assert.match(plan, /Nous sommes deux/, `lesson ${n}: the pair rule`);
    const last = await page.locator('[data-testid="plan"] tbody tr').last().innerText();
    assert.match(last, /^5\s?min/, `lesson ${n}: the collection step`);
    for (const step of [/Ma progression/, /Envoyer à mon professeur/, /Téléchargements/, /ticket de sortie/]) assert.match(last, step, `lesson ${n}`);
    const trouble = await page.locator('[data-testid="trouble"]').innerText();
    for (const what of [/ne s'ouvre pas/, /trop ancien/, /Enregistrer ma phrase/, /Téléchargements/, /autre nom/]) assert.match(trouble, what, `lesson ${n}`);
    assert.equal(await page.locator(".tickets-key li").count(), 3, `exit ticket answers of lesson ${n}`);
    await page.goto(`${base}#/fiche/${n}`);
    await page.waitForSelector("main.sheet");
    assert.ok(await page.locator("main.sheet svg, main.sheet table, main.sheet .dominos").count() >= 1, `key picture of sheet ${n}`);
    assert.ok((await page.locator('[data-testid="picture-legend"]').innerText()).length > 40, `legend of sheet ${n}`);
    const pages = await printedPages(page);
    assert.equal(pages, 1, `sheet ${n} prints on ${pages} page(s)`);
    // The worksheet: every exercise with room to write, the explanation, the exit ticket.
    await page.goto(`${base}#/fiche/${n}/activite`);
    await page.waitForSelector("main.worksheet");
    const exercises = await page.locator(".ws-exercise").count();
    assert.equal(exercises, n === 7 ? 5 : [0, 7, 6, 5, 4, 6, 5][n], `worksheet ${n}: every exercise`);
    assert.equal(await page.locator(".ws-ticket li").count(), 3);
    const worksheetPages = await printedPages(page);
    console.log(`# worksheet ${n}: ${exercises} exercises, ${worksheetPages} A4 page(s)`);
    assert.ok(worksheetPages <= 2, `worksheet ${n} prints on ${worksheetPages} pages`);
  }
  // Plan B's material: the 20 name cards of lesson 1, each on one line with both its dots.
  await page.goto(`${base}#/enseignants/lecon/1`);
  assert.equal(await page.locator('[data-testid="material"] .material-card').count(), 20);
  await page.emulateMedia({ media: "print" });
  const cards = await page.locator('[data-testid="material"] .material-card').evaluateAll((cs) => cs.map((c) => [c.textContent, c.scrollWidth <= c.clientWidth, c.getClientRects().length && c.getBoundingClientRect().height]));
  await page.emulateMedia({ media: "screen" });
  const lineHeight = Math.min(...cards.map((c) => c[2]));
  for (const [name, fits, height] of cards) assert.ok(fits && height < lineHeight * 1.5, `${name} fits on its card`);
  // Projected steps with exercises: the pairs answer on their PC too.
  assert.match(await page.locator('[data-testid="plan"] tbody tr').nth(1).innerText(), /répond aussi sur son poste/);
  // Lesson 4's cards write vectors as the lesson does.
  await page.goto(`${base}#/enseignants/lecon/4`);
  assert.match(await page.locator('[data-testid="material"]').innerText(), /\[\d\s?; \d\s?; \d\s?; \d\]/);
  await page.goto(`${base}#/enseignants/corrige`);
  await page.waitForSelector(".key-table");
  const keys = await page.locator(".key-table tr[data-exercise]").evaluateAll((trs) => trs.map((tr) => [tr.dataset.exercise, tr.cells[2].textContent.trim()]));
  assert.equal(keys.length, 38, "33 exercises in the six lessons, 5 in the bonus");
  for (const [id, expected] of keys) assert.ok(expected.length > 10, `an expected answer for ${id}`);
  await page.goto(`${base}#/enseignants/programmes`);
  assert.equal(await page.locator('[data-testid="curriculum"] tbody tr').count(), 7, "every lesson, maths and technology");
  assert.ok((await page.locator('[data-testid="curriculum"] tbody td:nth-child(3)').allInnerTexts()).every((t) => t.length > 30));
  await page.goto(`${base}#/fiche/9`);
  assert.match(await page.locator("main").innerText(), /leçon/i, "an unknown sheet says so");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("Ma progression: what was succeeded, done, or left, printable", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", JSON.stringify({ version: 2, outcomes: { "l1.e1": "solved", "l1.e3": "missed" } })));
  // A fresh load of the page reads what is stored.
  await page.goto("about:blank");
  await page.goto(`${base}#/progression`);
  await page.waitForSelector('[data-testid="progress-table"]');
  const first = await page.locator('[data-testid="progress-table"] tr').nth(1).locator("td").allInnerTexts();
  assert.deepEqual(first.slice(1), ["1/7", "1", "5"], "one succeeded, one done (missed), five left");
  assert.ok(await page.locator('[data-testid="print-progress"]').count() === 1);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("« Effacer toute ma progression » asks first, and a « non » keeps everything", async () => {
  const browserContext = await browser.newContext({ locale: "fr-FR" });
  const page = await browserContext.newPage();
  await page.goto(base);
  await page.evaluate(() => localStorage.setItem("tuto-llm.progress", JSON.stringify({ version: 2, outcomes: { "l1.e1": "solved" } })));
  await page.goto("about:blank");
  await page.goto(`${base}#/confidentialite`);
  let answer = false;
  const asked = [];
  page.on("dialog", (d) => { asked.push(d.message()); answer ? d.accept() : d.dismiss(); });
  await page.click('[data-testid="erase-all"]');
  assert.equal(asked.length, 1);
  assert.match(await page.locator('[data-testid="erase-message"]').innerText(), /rien/i);
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^1\/\d+ réussis$/);
  answer = true;
  await page.click('[data-testid="erase-all"]');
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^0\/\d+ réussis$/);
  await browserContext.close();
});

test("Mentions légales: the publisher's details from publication.toml, or what to fill in", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await page.click('footer a:has-text("Mentions légales")');
  await page.waitForSelector('[data-testid="publisher"]');
  const fs = await import("node:fs");
  const filled = /editeur = "[^"]+"/.test(fs.readFileSync(path.join(dist, "..", "publication.toml"), "utf8"));
  const text = await page.locator('[data-testid="publisher"]').innerText();
  assert.match(text, /Éditeur/);
  // An empty field speaks to a head teacher: what to write, not how to build the page.
  if (!filled) {
    assert.match(text, /À compléter par l'établissement\s?: nom et adresse de l'établissement qui publie cette page/);
    assert.doesNotMatch(text, /publication\.toml|cargo/);
  }
  assert.match(await page.locator("main").innerText(), /aucune donnée personnelle/);
  await page.click(`main a[href="#/enseignants/dpo"]`);
  await page.waitForSelector('[data-testid="dpo"]');
  for (const from of ["#/confidentialite", "#/enseignants/classe"]) {
    await page.goto(`${base}${from}`);
    assert.equal(await page.locator(`main a[href="#/enseignants/dpo"]`).count(), 1, `the note is linked from ${from}`);
  }
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("the speed test's card: one line for the PC, its name kept in this browser, printed alone", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  // A result kept from an earlier run on this PC (the run itself is tested by workers.test.js).
  await page.evaluate(() => localStorage.setItem("tuto-llm.vitesse", JSON.stringify({ day: "06/12/2026", report: {
    lessons: { l2: 0.4, l3: 21.3, l4: 0.6, l5: 1.1, l6: 7.0, bonus: 20, atelier: 3.5 },
    phase2: { tokens_per_s: 5562, workers: 2, in_worker: true }, phase2_one_worker: { tokens_per_s: 5400 } } })));
  await page.goto(`${base}#/enseignants/vitesse`);
  await page.waitForSelector('[data-testid="bench-verdict"]');
  assert.equal(await page.locator('[data-testid="bench-fit"]').innerText(),
    "Ce poste convient pour les leçons 1 à 6\u00a0: oui, avec une attente d'environ 22\u00a0s en leçon 3 et 7\u00a0s en leçon 6.");
  const card = await page.locator('[data-testid="bench-verdict"]').innerText();
  assert.doesNotMatch(card, /lettres par seconde|cœur/, "the jargon is in the technical details");
  assert.match(await page.locator('[data-testid="bench-technical"]').textContent(), /lettres par seconde/);
  await page.fill('[data-testid="bench-label"]', "PC 7");
  await page.reload();
  await page.waitForSelector('[data-testid="bench-verdict"]');
  assert.equal(await page.inputValue('[data-testid="bench-label"]'), "PC 7", "the name stays in this browser");
  await page.emulateMedia({ media: "print" });
  assert.ok(await page.locator('[data-testid="bench-verdict"]').isVisible());
  for (const hidden of ["bench-run", "bench-print", "bench-result"]) assert.equal(await page.locator(`[data-testid="${hidden}"]`).isVisible(), false, hidden);
  assert.doesNotMatch(await page.locator("main").innerText(), /[{}]/, "no raw JSON in print");
  await page.emulateMedia({ media: "screen" });
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
