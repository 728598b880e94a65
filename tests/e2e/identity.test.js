// Who is at the keyboard of a shared PC (issues 25 and 30): a reopened browser asks before
// showing anything of the last pupil; the next pupil starts with empty boxes; a seen answer is
// never « réussi » under another name or without one; a pair is credited to both; a draft
// sentence survives a reload; a full or refusing storage keeps the work and the file; two tabs
// keep their own pupil.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { serve, launch, openPage, gotoStep, answer, outcome, artifacts, assertAccessible, CHROMIUM } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const button = (page) => page.locator('[data-testid="pupil-button"]');

/** « Qui es-tu ? » from the top bar: one name, or two for a pair; confirms « c'est bien toi ? ». */
async function become(page, name, partner) {
  await button(page).click();
  await page.fill('[data-testid="pupil-name"]', name);
  if (partner) {
    await page.click('[data-testid="pupil-pair"]');
    await page.fill('[data-testid="pupil-partner"]', partner);
  }
  await page.click('[data-testid="pupil-ok"]');
  const closed = '[data-testid="pupil-button"][aria-expanded="false"]';
  await page.waitForSelector(`[data-testid="pupil-question"], ${closed}`);
  if (await page.locator('[data-testid="pupil-question"]').count()) await page.click('[data-testid="pupil-confirm"]');
  await page.waitForSelector(closed);
}

async function exportFile(page) {
  await page.goto(`${base}#/progression`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="progress-export"]')]);
  const file = path.join(artifacts, `identity-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { name: download.suggestedFilename(), sheet: JSON.parse(fs.readFileSync(file, "utf8")) };
}

/** The stored progress, as the page wrote it. */
const stored = (page) => page.evaluate(() => JSON.parse(localStorage.getItem("tuto-llm.progress") || "{}"));

/** A persistent profile, as a school PC's browser between two pupils. */
async function persistent(dir) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync"],
    viewport: { width: 1280, height: 900 },
    locale: "fr-FR",
  });
  const page = context.pages()[0] || (await context.newPage());
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => d.accept());
  return { context, page, errors };
}

test("a reopened shared PC asks before showing anything of the last pupil; the next pupil's boxes are empty", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tuto-llm-pc-"));
  let { context, page, errors } = await persistent(dir);
  await page.goto(`${base}#/`);
  assert.equal(await page.locator('[data-testid="pupil-gate"]').count(), 0, "a PC where nobody was named does not ask");
  await become(page, "Tom B.");
  await gotoStep(page, base, 1, 2);
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome="solved"]');
  assert.deepEqual(errors, []);
  await context.close();

  ({ context, page, errors } = await persistent(dir));
  await page.goto(`${base}#/lecon/1/etape/2`);
  await page.waitForSelector('[data-testid="pupil-gate"]');
  assert.equal(await page.locator("[data-exercise]").count(), 0, "no exercise behind the question");
  assert.equal(await page.locator('[data-testid="global-counter"]').count(), 0, "no counter of Tom's");
  assert.equal(await button(page).innerText(), "Qui es-tu\u00a0?");
  assert.equal(await page.locator('[data-testid="pupil-resume"]').innerText(), "C'est moi, Tom B.", "offered, not assumed");
  assert.doesNotMatch(await page.locator("body").innerText().then((t) => t.replace("C'est moi, Tom B.", "")), /Tom/);
  await assertAccessible(page, "« Qui es-tu ? » on a shared PC");
  // Inès, someone else: an empty box is refused in French.
  await page.click('[data-testid="pupil-other"]');
  assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === "pupil-name"), "the box has the focus");
  await page.click('[data-testid="pupil-ok"]');
  assert.match(await page.locator('[data-testid="pupil-error"]').innerText(), /Écris ton prénom/);
  assert.equal(await page.locator('[data-testid="pupil-gate"]').count(), 1, "still nobody's page");
  // Typing Tom's name asks first; « non » asks for another name.
  await page.fill('[data-testid="pupil-name"]', "tom b");
  await page.click('[data-testid="pupil-ok"]');
  assert.match(await page.locator('[data-testid="pupil-question"]').innerText(), /^Tom B\., c'est bien toi\u00a0\? Ce poste a déjà du travail à ce nom\.$/);
  await page.click('[data-testid="pupil-deny"]');
  assert.match(await page.locator('[data-testid="pupil-error"]').innerText(), /initiale/);
  await page.fill('[data-testid="pupil-name"]', "Inès M.");
  await page.click('[data-testid="pupil-ok"]');
  await page.waitForSelector('main[data-lesson="1"][data-step="2"]');
  assert.equal(await outcome(page, "l1.e1"), null, "Inès starts with nothing");
  assert.equal(await page.inputValue('[data-exercise-input="l1.e1"]'), "");
  assert.equal(await page.locator('[data-exercise="l1.e1"] .feedback').count(), 0);
  assert.equal(await button(page).innerText(), "Élève\u00a0: Inès M. · Changer d'élève");

  // Inès tries, then another pupil takes the place: the box, its answer and feedback go.
  await answer(page, "l1.e1", "x");
  await page.waitForSelector('[data-exercise="l1.e1"] .feedback.ko');
  await become(page, "Zoé");
  assert.equal(await page.inputValue('[data-exercise-input="l1.e1"]'), "");
  assert.equal(await page.locator('[data-exercise="l1.e1"] .feedback').count(), 0, "no feedback left from Inès");

  // The bar's box: focus on open, Échap and a click outside close it.
  await button(page).click();
  assert.ok(await page.evaluate(() => document.activeElement?.dataset.testid === "pupil-name"));
  await page.keyboard.press("Escape");
  assert.equal(await page.locator('[data-testid="pupil-name"]').count(), 0, "Échap closes it");
  await button(page).click();
  await page.mouse.click(5, 600);
  assert.equal(await page.locator('[data-testid="pupil-name"]').count(), 0, "a click outside closes it");

  // Half an hour alone: the next click or return asks again.
  await page.evaluate(() => localStorage.setItem("tuto-llm.active", String(Date.now() - 31 * 60 * 1000)));
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
  await page.waitForSelector('[data-testid="pupil-gate"]');
  assert.equal(await page.locator('[data-testid="pupil-resume"]').innerText(), "C'est moi, Zoé");
  await page.click('[data-testid="pupil-resume"]');
  await page.waitForSelector('main[data-lesson="1"]');
  assert.equal(await button(page).innerText(), "Élève\u00a0: Zoé · Changer d'élève");
  assert.deepEqual(errors, []);
  await context.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test("a prediction seen under a throwaway name, without a name or in the answer key is never « réussi »", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await become(page, "Malin X.");
  await gotoStep(page, base, 1, 4);
  await answer(page, "l1.e3", "n");
  await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="done"]');
  // Lina answers right after the page showed Malin the answer: « fait », and said why.
  await become(page, "Lina B.");
  await answer(page, "l1.e3", "r");
  await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="done"]');
  assert.match(await page.locator('[data-testid="seen-note"]').innerText(), /Réponse déjà vue sur ce poste\u00a0: c'est compté «\u00a0fait\u00a0»\./);
  // Without a name, the same.
  await button(page).click();
  await page.click('[data-testid="pupil-nobody"]');
  await page.waitForSelector('[data-exercise="l1.e3"]:not([data-outcome])');
  await answer(page, "l1.e3", "r");
  await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="done"]');
  // That nameless work, given Retour's name, adds « fait » at most and says so.
  await become(page, "Retour");
  assert.equal(await outcome(page, "l1.e3"), "done");
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /sans prénom sur cette page compte pour Retour, comme «\u00a0fait\u00a0» au plus/);
  const lina = (await stored(page)).pupils["lina|b"].records["l1.e3"];
  assert.deepEqual([lina.outcome, lina.reason, lina.first], ["done", "seen", "r"]);

  // The answer key, opened on a PC: every one-shot counts as seen for the next hour.
  await page.goto(`${base}#/enseignants/corrige`);
  await page.waitForSelector(".key-table");
  await become(page, "Zoé R.");
  await gotoStep(page, base, 4, 2);
  await answer(page, "l4.e1", "a");
  await page.waitForSelector('[data-exercise="l4.e1"][data-outcome="done"]');
  const { sheet } = await exportFile(page);
  assert.deepEqual([sheet.records["l4.e1"].outcome, sheet.records["l4.e1"].reason], ["done", "seen"]);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a pair is credited to both, in one file with its partner", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await become(page, "Léa B.", "Tom M.");
  assert.equal(await button(page).innerText(), "Élèves\u00a0: Léa B. et Tom M. · Changer");
  await gotoStep(page, base, 1, 2);
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome="solved"]');
  const { name, sheet } = await exportFile(page);
  assert.match(name, /^progression-Lea-B-et-Tom-M-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await page.locator('[data-testid="export-message"]').innerText(), new RegExp(`Fichier «\u00a0${name.replace(/\./g, "\\.")}\u00a0» enregistré dans Téléchargements\\. Donne ce fichier à ton professeur`));
  assert.equal(sheet.version, 4);
  assert.equal(sheet.pupil, "Léa B.");
  assert.equal(sheet.partner.pupil, "Tom M.");
  assert.equal(sheet.records["l1.e1"].outcome, "solved");
  assert.equal(sheet.partner.records["l1.e1"].outcome, "solved");
  assert.equal(sheet.records["l1.e1"].first, "u");
  // A refused download says so.
  await page.evaluate(() => { URL.createObjectURL = () => { throw new Error("refusé"); }; });
  await page.click('[data-testid="progress-export"]');
  assert.match(await page.locator('[data-testid="export-message"]').innerText(), /refusé d'enregistrer le fichier/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("an unsaved sentence survives a reload; only a saved one goes in the file; an empty box is refused", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await become(page, "Zoé R.");
  await gotoStep(page, base, 1, 8);
  await page.click('[data-testid="explain-save"]');
  assert.match(await page.locator('[data-testid="explain-empty"]').innerText(), /une case vide n'est pas enregistrée/);
  const sentence = "Il compte les paires et tire au sort la lettre suivante.";
  await page.fill('[data-testid="explain-input"]', sentence);
  await page.waitForSelector('form[data-explain="l1"][data-draft="kept"]');
  assert.match(await page.locator('[data-testid="explain-draft"]').innerText(), /Brouillon/);
  await page.reload();
  await page.waitForSelector('main[data-lesson="1"][data-step="8"]');
  assert.equal(await page.inputValue('[data-testid="explain-input"]'), sentence, "the draft is back");
  assert.match(await page.locator('[data-testid="explain-draft"]').innerText(), /pas encore dans ta progression/);
  let { sheet } = await exportFile(page);
  assert.deepEqual(sheet.explanations, {}, "a draft is not sent");
  await gotoStep(page, base, 1, 8);
  assert.equal(await page.inputValue('[data-testid="explain-input"]'), sentence, "leaving the step keeps it");
  await page.click('[data-testid="explain-save"]');
  await page.waitForSelector('[data-testid="explain-saved"]');
  ({ sheet } = await exportFile(page));
  assert.equal(sheet.explanations.l1, sentence);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

/** Answers two exercises, names the pupil, and exports: nothing of it may be lost. */
async function workWithoutStorage(page) {
  await gotoStep(page, base, 1, 2);
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome="solved"]');
  assert.equal(await page.locator('[data-testid="notice"]').innerText().then((t) => t.replace(/OK$/, "").trim()),
    "Ce navigateur refuse d'enregistrer\u00a0: ton travail reste tant que la page est ouverte. Envoie ton fichier à ton professeur avant de fermer.");
  await gotoStep(page, base, 1, 3);
  await answer(page, "l1.e2", "6");
  await page.waitForSelector('[data-exercise="l1.e2"][data-outcome="solved"]');
  await gotoStep(page, base, 1, 2);
  assert.equal(await outcome(page, "l1.e1"), "solved", "the first answer is still there");
  await become(page, "Léa");
  assert.match(await page.locator('[data-testid="global-counter"]').innerText(), /^0\/38/, "nameless work is « fait » at most");
  await gotoStep(page, base, 1, 4);
  await answer(page, "l1.e3", "r");
  await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="solved"]');
  const { sheet } = await exportFile(page);
  assert.deepEqual(Object.keys(sheet.records).sort(), ["l1.e1", "l1.e2", "l1.e3"], "the file holds everything done in the page");
  assert.deepEqual(["l1.e1", "l1.e2", "l1.e3"].map((id) => sheet.records[id].outcome), ["done", "done", "solved"]);
}

test("a full storage keeps the work in the page and in the file", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(base);
  await page.waitForSelector(".lesson-cards");
  const filled = await page.evaluate(() => {
    let i = 0, bytes = 0;
    for (const n of [524288, 65536, 4096, 256, 16, 1]) {
      const c = "x".repeat(n);
      for (;;) { try { localStorage.setItem("junk" + i++, c); bytes += n; } catch (e) { break; } }
    }
    return bytes;
  });
  console.log(`# storage filled with ${filled} bytes`);
  await workWithoutStorage(page);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a storage whose setItem throws keeps the work in the page and in the file", async () => {
  const { page, problems, context } = await openPage(browser);
  await context.addInitScript(() => { Storage.prototype.setItem = () => { throw new DOMException("plein", "QuotaExceededError"); }; });
  await page.goto(base);
  await page.waitForSelector(".lesson-cards");
  await workWithoutStorage(page);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("two tabs keep their own pupil, say when the other switched, and their records merge", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await become(page, "Léa B.");
  await gotoStep(page, base, 1, 2);
  const other = await context.newPage();
  await other.goto(`${base}#/lecon/1/etape/3`);
  await other.waitForSelector('[data-testid="pupil-gate"]');
  await other.click('[data-testid="pupil-other"]');
  await other.fill('[data-testid="pupil-name"]', "Tom B.");
  await other.click('[data-testid="pupil-ok"]');
  await other.waitForSelector('main[data-lesson="1"][data-step="3"]');
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /Dans un autre onglet, Tom B\. a pris la place\. Ici, tu restes Léa B\./);
  assert.equal(await button(page).innerText(), "Élève\u00a0: Léa B. · Changer d'élève");
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome="solved"]');
  await answer(other, "l1.e2", "6");
  await other.waitForSelector('[data-exercise="l1.e2"][data-outcome="solved"]');
  await page.reload();
  await page.waitForSelector('main[data-lesson="1"]');
  assert.equal(await button(page).innerText(), "Élève\u00a0: Léa B. · Changer d'élève", "a reload keeps this tab's pupil");
  const { pupils } = await stored(page);
  assert.equal(pupils["lea|b"].records["l1.e1"].outcome, "solved");
  assert.equal(pupils["lea|b"].records["l1.e2"], undefined, "Tom's answer is not Léa's");
  assert.equal(pupils["tom|b"].records["l1.e2"].outcome, "solved");
  // « léa b », typed in another case, is the same pupil.
  await become(other, "LÉA b");
  await gotoStep(other, base, 1, 2);
  assert.equal(await outcome(other, "l1.e1"), "solved");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("erasing: one pupil, or the whole PC after a confirmation naming how many; the seen log stays", async () => {
  const { page, problems, context } = await openPage(browser);
  const dialogs = [];
  page.on("dialog", (d) => dialogs.push(d.message()));
  await page.goto(`${base}#/`);
  for (const name of ["Inès M.", "Tom B."]) {
    await become(page, name);
    await gotoStep(page, base, 1, 4);
    await answer(page, "l1.e3", "n");
    await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="done"]');
  }
  assert.doesNotMatch(await page.locator("footer").innerText(), /Coin des enseignants/, "no teachers' link under a lesson");
  await page.goto(`${base}#/confidentialite`);
  assert.match(await page.locator("main").innerText(), /premières réponses|première réponse/);
  await page.click('[data-testid="erase-all"]');
  assert.match(dialogs.at(-1), /Effacer tout ce que Tom B\. a fait sur ce navigateur/);
  assert.deepEqual(Object.keys((await stored(page)).pupils), ["ines|m"], "Inès stays");
  // Erasing did not reopen the prediction: answered again within the hour, it is « fait ».
  await gotoStep(page, base, 1, 4);
  await answer(page, "l1.e3", "r");
  await page.waitForSelector('[data-exercise="l1.e3"][data-outcome="done"]');
  await page.goto(`${base}#/enseignants`);
  assert.match(await page.locator("footer").innerText(), /Coin des enseignants/);
  await page.click('[data-testid="clear-computer"]');
  assert.match(dialogs.at(-1), /Vider ce poste\u00a0: effacer le travail des 2\u00a0élèves/);
  await page.waitForSelector('[data-testid="notice"]');
  assert.match(await page.locator('[data-testid="notice"]').innerText(), /Ce poste est vidé\u00a0: 2\u00a0élèves effacés/);
  assert.equal(await button(page).innerText(), "Qui es-tu\u00a0?");
  const left = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("tuto-llm.")));
  assert.ok(left.includes("tuto-llm.seen"), "the seen log stays");
  assert.ok(!left.includes("tuto-llm.pupil"), "no last name left to offer");
  assert.deepEqual((await stored(page)).pupils, {});
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
