// A class, not one pupil: three pupils on three computers do different exercises and send their
// progress file; the teacher's « Ma classe » page reads the three at once (with a damaged fourth
// named and set aside), shows each exercise, sorts, and exports a CSV a spreadsheet opens; two
// pupils sharing one browser keep their progress apart, and each exports their own. Then files
// written here (progress-files.js) as a real class sends them over weeks and PCs: the same pupil
// merged, namesakes kept apart, the class line, filter, print, « Vider la classe », and 503 files
// chosen in two batches 0 ms apart.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, artifacts, answer, outcome, gotoStep, assertAccessible } from "./harness.js";
import { payload, DAY } from "./progress-files.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

async function becomePupil(page, name) {
  await page.click('[data-testid="pupil-button"]');
  await page.fill('[data-testid="pupil-name"]', name);
  await page.click('[data-testid="pupil-ok"]');
  await page.waitForSelector(`[data-testid="pupil-button"]:has-text("${name}")`);
}

/** Waits until « Ma classe » has read `files` files and drawn its table. */
async function ready(page, files) {
  await page.waitForSelector(`main.class-page[data-state="ready"][data-files="${files}"]`, { timeout: 60000 });
}

async function outcomeIn(page, pupil, id) {
  return page.getAttribute(`[data-testid="class-grid"] tr[data-pupil="${pupil}"] td[data-exercise="${id}"]`, "data-outcome");
}

const order = (page) => page.locator('[data-testid="class-grid"] tbody tr[data-pupil]').evaluateAll((rows) => rows.map((r) => r.dataset.pupil));

/** A CSV's records (quoted cells may hold « ; », quotes and line breaks). */
function parseCsv(text) {
  const rows = [[]];
  let cell = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ";") { rows.at(-1).push(cell); cell = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { rows.at(-1).push(cell); cell = ""; rows.push([]); i++; }
    else cell += c;
  }
  if (cell !== "" || rows.at(-1).length) rows.at(-1).push(cell);
  return rows.filter((r) => r.length > 1 || r[0]);
}

/** Clicks « Exporter en CSV »; returns the file's name, bytes and records. */
async function downloadCsv(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="class-csv"]')]);
  const file = path.join(artifacts, download.suggestedFilename());
  await download.saveAs(file);
  const bytes = fs.readFileSync(file);
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 with a byte-order mark");
  const lines = parseCsv(bytes.toString("utf8").slice(1));
  assert.ok(lines.every((l) => l.length === lines[0].length), "every row has every column");
  return { name: download.suggestedFilename(), lines };
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

test("three pupils send their files; « Ma classe » shows each exercise, sorts, exports a CSV per exercise", async () => {
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
  await ready(page, 4);
  assert.equal(await page.locator('[data-testid="class-grid"] tbody tr[data-pupil]').count(), 3);
  assert.match(await page.locator('[data-testid="class-notes"]').innerText(), /progression-Triche\.json\s: fichier abîmé ou modifié à la main/);
  // Per exercise: Léa solved 1 and 2, Zoé 1, Adam found 1 after three wrong letters.
  assert.equal(await outcomeIn(page, "Léa", "l1.e1"), "solved");
  assert.equal(await outcomeIn(page, "Léa", "l1.e2"), "solved");
  assert.equal(await outcomeIn(page, "Zoé", "l1.e2"), "todo");
  assert.equal(await outcomeIn(page, "Adam", "l1.e1"), "done");
  assert.equal(await page.locator('tr[data-pupil="Adam"] td[data-exercise="l1.e1"] .tries').innerText(), "4");
  assert.deepEqual(await order(page), ["Adam", "Léa", "Zoé"], "sorted by first name");
  await page.click('[data-testid="class-grid"] thead th:nth-child(2) button');
  assert.deepEqual(await order(page), ["Léa", "Zoé", "Adam"], "sorted by L1 ex. 1, best first");
  await assertAccessible(page, "Ma classe");

  const { lines } = await downloadCsv(page);
  assert.equal(lines.length, 4, "a header and three pupils");
  const lea = lines.find((l) => l[1] === "Léa");
  assert.equal(lea[lines[0].indexOf("L1 ex.\u00a01")], "réussi (1\u00a0essai)");
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
  // Her name typed again: « Inès, c'est bien toi ? » (the PC has work in that name).
  await page.click('[data-testid="pupil-button"]');
  await page.fill('[data-testid="pupil-name"]', "Inès");
  await page.click('[data-testid="pupil-ok"]');
  await page.click('[data-testid="pupil-confirm"]');
  await page.waitForSelector('[data-testid="pupil-button"]:has-text("Inès")');
  await gotoStep(page, base, 1, 2);
  assert.equal(await outcome(page, "l1.e1"), "solved");
  const inesFile = await sendProgress(page, "Inès");
  assert.equal(JSON.parse(fs.readFileSync(inesFile, "utf8")).records["l1.e1"].outcome, "solved");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

/** `days` days before now (ms since 1970). */
const dayAgo = (days) => Date.now() - days * DAY;

test("a class over weeks and PCs: one row per pupil, the grid, the class line, the sentences", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/classe`);
  const files = [
    // Inès, lesson 1 on PC 2, then lesson 2 on PC 7 a week later (typed in lower case there).
    payload("progression-Ines-B-pc2.json", { pupil: "Inès B.", exported: dayAgo(8), records: {
      "l1.e1": { outcome: "solved", tries: 1, first: "u", at: dayAgo(8) },
      "l1.e3": { outcome: "done", tries: 1, first: "l", at: dayAgo(8) },
      "l1.e6": { tries: 2, first: "0,19" } },
      explanations: { l1: "Il prend la lettre qui vient le plus souvent après." } }),
    payload("progression-Ines-B-pc7.json", { pupil: "ines b", exported: dayAgo(1), records: {
      "l1.e3": { outcome: "solved", tries: 1, first: "r", at: dayAgo(1) },
      "l2.e1": { outcome: "solved", tries: 2, first: "1,5", at: dayAgo(1) } },
      explanations: { l1: "Il tire au sort avec les comptes.", l2: "La loss mesure la surprise." } }),
    // Two pupils called Lucas, and a pair file.
    payload("progression-Lucas-M.json", { pupil: "Lucas M.", exported: dayAgo(8), records: { "l1.e3": { outcome: "solved", tries: 1, first: "r", at: dayAgo(8) } } }),
    payload("progression-Lucas-B-et-Lea-D.json", { pupil: "Lucas B.", exported: dayAgo(8), records: { "l1.e3": { outcome: "done", tries: 1, first: "a", at: dayAgo(8), reason: "seen" } },
      partner: { pupil: "Léa D.", records: { "l1.e3": { outcome: "done", tries: 1, first: "a", at: dayAgo(8), reason: "seen" } }, explanations: {} } }),
    // « Lucas » without an initial: flagged, never merged.
    payload("progression-Lucas.json", { pupil: "Lucas", exported: dayAgo(8), records: {} }),
  ];
  await page.setInputFiles('[data-testid="class-files"]', files);
  await ready(page, 5);
  assert.deepEqual(await order(page), ["Inès B.", "Léa D.", "Lucas", "Lucas B.", "Lucas M."]);
  // The same pupil from two PCs: one row, the union, the first result kept.
  assert.equal(await outcomeIn(page, "Inès B.", "l1.e1"), "solved");
  assert.equal(await outcomeIn(page, "Inès B.", "l1.e3"), "done", "her first prediction, not the later one");
  assert.equal(await outcomeIn(page, "Inès B.", "l1.e6"), "tried");
  assert.equal(await outcomeIn(page, "Inès B.", "l2.e1"), "solved");
  const missed = page.locator('tr[data-pupil="Inès B."] td[data-exercise="l1.e3"]');
  assert.match(await missed.innerText(), /«\s?l\s?»/, "the letter she predicted");
  assert.match(await missed.getAttribute("title"), /fait, 1\s?essai, 1re réponse\s?: «\s?l\s?»/);
  assert.match(await page.locator('tr[data-pupil="Lucas B."] td[data-exercise="l1.e3"]').innerText(), /vue avant/);
  // Two Lucas apart, the pair's two pupils, the one without an initial flagged.
  assert.equal(await outcomeIn(page, "Lucas M.", "l1.e3"), "solved");
  assert.equal(await outcomeIn(page, "Lucas B.", "l1.e3"), "done");
  assert.equal(await outcomeIn(page, "Léa D.", "l1.e3"), "done");
  assert.match(await page.locator('[data-testid="class-notes"]').innerText(), /«\s?Lucas\s?», sans initiale\s?: plusieurs élèves portent ce prénom \(Lucas B\., Lucas M\.\)/);
  // The class line: 5 pupils, 1 solved the prediction, 3 missed it (one answer had been seen).
  const l1e3 = await page.locator('[data-testid="class-grid"] td[data-line="l1.e3"]').innerText();
  assert.match(l1e3, /1\ssur\s5\sréussi\b/);
  assert.match(l1e3, /3\ssur\s5\sont raté la prédiction/);
  assert.match(await page.locator('[data-testid="class-grid"] td[data-line="l2.e1"]').innerText(), /1\ssur\s5\sréussi\b/);
  // Both sentences of lesson 1, dated.
  const sentences = await page.locator('[data-testid="class-sentences"] li[data-pupil="Inès B."]').allInnerTexts();
  assert.equal(sentences.length, 3);
  assert.ok(sentences.filter((s) => /le \d\d\/\d\d\/\d{4}/.test(s)).length === 2, "two sentences for one lesson: dated");
  // Sort by an exercise (Élève, L1 ex. 1, 2, 3): best first, then a second click reverses.
  const l1e3Header = page.locator('[data-testid="class-grid"] thead th').nth(3);
  await l1e3Header.locator("button").click();
  assert.equal(await l1e3Header.getAttribute("aria-sort"), "descending");
  assert.equal((await order(page))[0], "Lucas M.", "the one who solved the prediction first");
  await l1e3Header.locator("button").click();
  assert.equal(await l1e3Header.getAttribute("aria-sort"), "ascending");
  assert.equal((await order(page))[0], "Lucas", "the one who has not done it first");
  // Filter by lesson: lesson 2's exercises only.
  await page.selectOption('[data-testid="class-lesson"]', { index: 2 });
  assert.equal(await page.locator('[data-testid="class-grid"] td[data-exercise^="l1."]').count(), 0);
  assert.ok(await page.locator('[data-testid="class-grid"] tr[data-pupil="Inès B."] td[data-exercise^="l2."]').count() >= 5);
  await assertAccessible(page, "Ma classe, per exercise");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("the CSV per exercise, with the class's name, dates and files, every formula defused", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/classe`);
  await page.fill('[data-testid="class-name"]', "4e B");
  await page.setInputFiles('[data-testid="class-files"]', [
    payload("ines.json", { pupil: "Inès B.", exported: dayAgo(8), records: { "l1.e3": { outcome: "done", tries: 1, first: "l", at: dayAgo(8) } }, explanations: { l1: "Elle compte ; « vraiment »" } }),
    payload("hostile.json", { pupil: "\t=1+1", exported: dayAgo(1), records: {}, explanations: { l1: "\n@SUM(1)", l2: "＝2+2", l3: "-3" } }),
  ]);
  await ready(page, 2);
  const { name, lines } = await downloadCsv(page);
  assert.match(name, /^ma-classe-4e-B-\d{4}-\d{2}-\d{2}\.csv$/);
  const [header] = lines;
  assert.deepEqual(header.slice(0, 5), ["Classe", "Élève", "Première activité", "Dernière activité", "Fichiers"]);
  assert.equal(header.filter((h) => /^(L\d|Bonus) ex\./.test(h)).length, 38, "one column per exercise");
  const ines = lines.find((l) => l[1] === "Inès B.");
  assert.equal(ines[0], "4e B");
  assert.match(ines[2], /^\d{4}-\d{2}-\d{2}$/);
  assert.equal(ines[4], "ines.json");
  assert.equal(ines[header.indexOf("L1 ex.\u00a03")], "fait (1\u00a0essai\u00a0; 1re réponse\u00a0: l)");
  assert.equal(ines[header.indexOf("L1 ex.\u00a01")], "à faire");
  assert.equal(ines[header.indexOf("L1 phrase")], "Elle compte ; « vraiment »");
  const hostile = lines.find((l) => l !== header && l !== ines);
  assert.equal(hostile[1], "'=1+1");
  assert.equal(hostile[header.indexOf("L1 phrase")], "'@SUM(1)");
  assert.equal(hostile[header.indexOf("L2 phrase")], "'＝2+2");
  assert.equal(hostile[header.indexOf("L3 phrase")], "'-3");
  // The class's name stays in this browser.
  await page.reload();
  assert.equal(await page.inputValue('[data-testid="class-name"]'), "4e B");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("503 files chosen in two batches 0 ms apart give 503 rows", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/classe`);
  const pupil = (i) => [`progression-${i}.json`, payload("", { pupil: `Élève${i} ${String.fromCharCode(65 + (i % 26))}.`, exported: dayAgo(1), records: { "l1.e1": { outcome: "solved", tries: 1, first: "u", at: dayAgo(1) } } }).buffer.toString("utf8")];
  const first = Array.from({ length: 500 }, (_, i) => pupil(i));
  const second = Array.from({ length: 3 }, (_, i) => pupil(500 + i));
  // Both choices in one task, 0 ms apart: the second batch arrives while the first is read.
  await page.waitForSelector('[data-testid="class-files"]', { state: "attached" });
  await page.evaluate((batches) => {
    const input = document.querySelector('[data-testid="class-files"]');
    for (const batch of batches) {
      const chosen = new DataTransfer();
      for (const [name, text] of batch) chosen.items.add(new File([text], name, { type: "application/json" }));
      input.files = chosen.files;
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }, [first, second]);
  await page.waitForSelector('main.class-page[data-state="reading"]');
  await ready(page, 503);
  assert.equal(await page.locator('[data-testid="class-grid"] tbody tr[data-pupil]').count(), 503);
  assert.match(await page.locator("main.class-page").innerText(), /503\s?élèves/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("printed: a title with the class and the day, no loading notes, no « Cliquez »; « Vider la classe » empties it", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/enseignants/classe`);
  await page.fill('[data-testid="class-name"]', "5e A");
  // The browser's own file field is hidden: its label is the button, no « No file chosen ».
  const input = await page.locator('[data-testid="class-files"]').boundingBox();
  assert.ok(!input || input.width <= 1, "the native file field is visually hidden");
  assert.ok(await page.locator('label[for="class-files"]').isVisible());
  const file = payload("tom.json", { pupil: "Tom R.", exported: dayAgo(1), records: { "l1.e1": { outcome: "solved", tries: 1 } } });
  await page.setInputFiles('[data-testid="class-files"]', [file, file, payload("casse.json", "{")]);
  await ready(page, 3);
  assert.match(await page.locator('[data-testid="class-notes"]').innerText(), /1\s?fichier déjà ouvert, compté une seule fois\s?: tom\.json/);
  assert.equal(await page.locator('[data-testid="class-grid"] tbody tr[data-pupil]').count(), 1);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator('[data-testid="class-notes"]').isVisible(), false, "no loading notes in print");
  assert.ok(await page.locator('[data-testid="class-grid"]').isVisible());
  const printed = await page.locator("main.class-page").innerText();
  assert.doesNotMatch(printed, /Cliquez/);
  assert.doesNotMatch(printed, /casse\.json/);
  const title = await page.locator('[data-testid="class-print-title"]').innerText();
  assert.match(title, /^Ma classe — 5e A — (1er|\d{1,2})\s?\p{L}+ \d{4} — Toutes les leçons$/u);
  await page.emulateMedia({ media: "screen" });
  // A browser that refuses the download: the page says so (it used to stay silent).
  await page.evaluate(() => { URL.createObjectURL = () => { throw new Error("refusé"); }; });
  await page.click('[data-testid="class-csv"]');
  assert.match(await page.locator('main.class-page [role="alert"]').innerText(), /refusé d'enregistrer le fichier CSV/);
  const asked = [];
  page.removeAllListeners("dialog");
  page.on("dialog", (d) => { asked.push(d.message()); d.accept(); });
  await page.click('[data-testid="class-clear"]');
  assert.equal(asked.length, 1);
  await page.waitForSelector('main.class-page[data-files="0"]');
  assert.equal(await page.locator('[data-testid="class-grid"]').count(), 0);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
