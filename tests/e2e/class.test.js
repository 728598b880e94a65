// A class, not one pupil: three pupils on three computers do different exercises and send their
// progress file; the teacher's « Ma classe » page reads the three at once (with a damaged fourth
// named and set aside), shows their counts, sorts, and exports a CSV a spreadsheet opens; two
// pupils sharing one browser keep their progress apart, and each exports their own.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, artifacts, answer, outcome, gotoStep, assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function becomePupil(page, name) {
  await page.click('[data-testid="pupil-button"]');
  await page.fill('[data-testid="pupil-name"]', name);
  await page.click('[data-testid="pupil-ok"]');
  await page.waitForSelector(`[data-testid="pupil-button"]:has-text("${name}")`);
}

/** L1's first exercise: right at once (« réussi »), or after three wrong letters (« fait »). */
async function lessonOneFirst(page, right) {
  await gotoStep(page, base, 1, 2);
  if (!right) for (const wrong of ["a", "b", "c"]) await answer(page, "l1.e1", wrong);
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome]');
  return outcome(page, "l1.e1");
}

async function lessonOneSecond(page) {
  await gotoStep(page, base, 1, 3);
  await answer(page, "l1.e2", "6");
  await page.waitForSelector('[data-exercise="l1.e2"][data-outcome="solved"]');
}

async function sendProgress(page, name) {
  await page.goto(`${base}#/progression`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="progress-export"]')]);
  // FORMAT.md: the name in plain ASCII letters, then the day.
  const ascii = name.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  assert.match(download.suggestedFilename(), new RegExp(`^progression-${ascii}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const file = path.join(artifacts, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

test("three pupils send their files; « Ma classe » gathers them, sorts them, exports a CSV", async () => {
  const files = [];
  for (const [name, plan] of [["Léa", "both"], ["Zoé", "first"], ["Adam", "late"]]) {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${base}#/`);
    await becomePupil(page, name);
    assert.equal(await lessonOneFirst(page, plan !== "late"), plan === "late" ? "done" : "solved");
    if (plan === "both") await lessonOneSecond(page);
    files.push(await sendProgress(page, name));
    assert.deepEqual(problems, { errors: [], outside: [] });
    await context.close();
  }
  // A fourth file, edited by hand: refused with its name, the others still load.
  const edited = path.join(artifacts, "progression-Triche.json");
  fs.writeFileSync(edited, fs.readFileSync(files[2], "utf8").replace('"done"', '"solved"').replace('"Adam"', '"Triche"'));

  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/classe`);
  await page.setInputFiles('[data-testid="class-files"]', [...files, edited]);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="class-table"] tr[data-pupil]').length === 3);
  await page.waitForSelector('.class-notes li');
  assert.match(await page.locator(".class-notes").innerText(), /progression-Triche\.json\s: fichier abîmé ou modifié à la main/);
  const cell = (pupil, lesson) => page.locator(`tr[data-pupil="${pupil}"] td[data-lesson="${lesson}"]`).innerText();
  assert.equal(await cell("Léa", 1), "2 · 0 · 5");
  assert.equal(await cell("Zoé", 1), "1 · 0 · 6");
  assert.equal(await cell("Adam", 1), "0 · 1 · 6");
  const order = () => page.locator("tr[data-pupil]").evaluateAll((rows) => rows.map((r) => r.dataset.pupil));
  assert.deepEqual(await order(), ["Adam", "Léa", "Zoé"], "sorted by first name");
  await page.click('[data-testid="class-table"] thead th:nth-child(2) button');
  assert.deepEqual(await order(), ["Léa", "Zoé", "Adam"], "sorted by lesson 1's « réussis »");
  await assertAccessible(page, "Ma classe");

  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="class-csv"]')]);
  const csvFile = path.join(artifacts, "ma-classe.csv");
  await download.saveAs(csvFile);
  const bytes = fs.readFileSync(csvFile);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte-order mark");
  const lines = bytes.toString("utf8").slice(1).trim().split("\r\n");
  assert.equal(lines.length, 4, "a header and three pupils");
  const header = lines[0].split(";");
  assert.equal(header[0], "Élève");
  assert.ok(lines.slice(1).every((l) => l.split(";").length === header.length), "every row has every column");
  assert.match(lines[2], /^Léa;2;0;5;/);

  // Another pupil file opened later: the same pupil twice keeps the newest.
  await page.setInputFiles('[data-testid="class-files"]', [files[0]]);
  await page.waitForFunction(() => /Deux fichiers pour Léa/.test(document.querySelector(".class-notes")?.textContent || ""));
  assert.equal(await page.locator("tr[data-pupil]").count(), 3);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("two pupils on one browser keep their progress apart, each sends their own", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await becomePupil(page, "Inès");
  assert.equal(await lessonOneFirst(page, true), "solved");
  await becomePupil(page, "Tom");
  await gotoStep(page, base, 1, 2);
  assert.equal(await outcome(page, "l1.e1"), null, "Tom starts with nothing");
  const tomFile = await sendProgress(page, "Tom");
  assert.deepEqual(JSON.parse(fs.readFileSync(tomFile, "utf8")).records, {});
  // Back to Inès: her exercise is still « réussi ».
  await page.click('[data-testid="pupil-button"]');
  await page.click('[data-pupil-choice="Inès"]');
  await gotoStep(page, base, 1, 2);
  assert.equal(await outcome(page, "l1.e1"), "solved");
  const inesFile = await sendProgress(page, "Inès");
  assert.equal(JSON.parse(fs.readFileSync(inesFile, "utf8")).records["l1.e1"].outcome, "solved");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
