// The teachers' kit: the corner with its offline download, a plan per lesson, the answer key for
// every exercise, printable sheets (one page each), the curriculum, and the pupil's progress page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
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
    assert.match(await page.locator('[data-testid="plan"]').innerText(), /Étape/);
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
    assert.equal(exercises, n === 7 ? 4 : [0, 7, 6, 5, 4, 6, 5][n], `worksheet ${n}: every exercise`);
    assert.equal(await page.locator(".ws-ticket li").count(), 3);
    const worksheetPages = await printedPages(page);
    console.log(`# worksheet ${n}: ${exercises} exercises, ${worksheetPages} A4 page(s)`);
    assert.ok(worksheetPages <= 2, `worksheet ${n} prints on ${worksheetPages} pages`);
  }
  // Plan B's material: the 20 name cards of lesson 1.
  await page.goto(`${base}#/enseignants/lecon/1`);
  assert.equal(await page.locator('[data-testid="material"] .material-card').count(), 20);
  await page.goto(`${base}#/enseignants/corrige`);
  await page.waitForSelector(".key-table");
  const keys = await page.locator(".key-table tr[data-exercise]").evaluateAll((trs) => trs.map((tr) => [tr.dataset.exercise, tr.cells[2].textContent.trim()]));
  assert.equal(keys.length, 37, "33 exercises in the six lessons, 4 in the bonus");
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
  if (!filled) assert.match(text, /À compléter par l'établissement qui publie cette page \(fichier publication\.toml/);
  assert.match(await page.locator("main").innerText(), /aucune donnée personnelle/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
