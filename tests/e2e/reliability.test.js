// Nothing a pupil pastes, loads or does in two tabs breaks the page or loses work (issue 21):
// 100 KB of names in lesson 1's « Ajoute des noms », a 5 MB list where every word comes twice in
// the Atelier, a model file whose note is 400,000 characters, two tabs solving exercises, an
// exploded run's table, and the CSP of the served page (no inline script allowed).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, gotoStep, answer, outcome, artifacts, dist } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** `n` distinct lowercase names (letters only), as a pupil might paste them. */
function distinctNames(n) {
  const out = [];
  for (let i = 0; out.length < n; i++) {
    let s = "", k = i + 26 * 26 * 26;
    while (k > 0) { s += String.fromCharCode(97 + (k % 26)); k = Math.floor(k / 26); }
    out.push(s + "an");
  }
  return out;
}

test("100 KB of distinct names in lesson 1: shown in part, counted, no crash", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 1, 5);
  const names = distinctNames(12600);
  const text = names.join(", ");
  assert.ok(text.length >= 100_000, `${text.length} characters`);
  const t0 = Date.now();
  await page.fill('[data-testid="add-name-input"]', text);
  await page.click(".add-name button");
  // A hang guard, not a speed target (the figure is printed; speed belongs to benchmarks).
  await page.waitForSelector('[data-testid="more-names"]', { timeout: 60000 });
  const waited = Date.now() - t0;
  console.log(`# 100 KB pasted in lesson 1: answered in ${waited} ms; « ${await page.locator('[data-testid="more-names"]').innerText()} »`);
  assert.match(await page.locator('[data-testid="more-names"]').innerText(), /autres/);
  // The page still works: the next step opens.
  await page.click('[data-testid="next"]');
  await page.waitForSelector('main[data-step="6"]');
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a 5 MB list where every word comes twice: a short message, the page still answering", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.waitForSelector('[data-testid="own-list"]');
  const words = distinctNames(300_000);
  let text = words.flatMap((w) => [w, w]).join("\n");
  text = text.slice(0, 5_000_000);
  // Pasted at once, then « Utiliser ma liste »: the time the page's own handler takes (the
  // browser laying out 5 MB in a text box is not the app's doing, and a pupil's paste pays it
  // before clicking).
  const { handler, shown } = await page.locator('[data-testid="own-list"]').evaluate(async (el, t) => {
    el.value = t;
    // The browser lays the pasted text out first (seconds for 5 MB, in any page).
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const start = performance.now();
    document.querySelector('[data-testid="use-own"]').click();
    const handler = performance.now() - start;
    // A hang guard of 60 s, not a speed target: the figures are printed below.
    while (!document.querySelector('[data-testid="own-notes"]') && performance.now() - start < 60000) await new Promise((r) => setTimeout(r, 5));
    return { handler, shown: performance.now() - start };
  }, text);
  const waited = Math.round(shown);
  assert.ok(waited < 60000, `no answer within 60 s (${waited} ms): the page hangs on 5 MB`);
  const notes = await page.locator('[data-testid="own-notes"]').innerText();
  console.log(`# 5 MB with every word twice: the page's handler took ${Math.round(handler)} ms, the answer showed after ${waited} ms; ${notes.length} characters of notes`);
  assert.ok(notes.length < 2000, "a few lines, not the whole list");
  assert.match(notes, /plusieurs fois|déjà|double/i, "the repeats are counted");
  assert.match(notes, /1\s000\s000 premiers caractères/, "the cut is said");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("a model file with a 400,000-character note: opened or refused within 3 s, the note cut", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.waitForSelector('[data-testid="a-train"]');
  // A real model file (saved by the Atelier's own test, or made here from a fresh page's run).
  const saved = path.join(artifacts, "modele.json");
  let model;
  if (fs.existsSync(saved)) {
    model = JSON.parse(fs.readFileSync(saved, "utf8"));
  } else {
    await page.fill('[data-testid="a-steps"]', "0");
    await page.click('[data-testid="a-train"]');
    await page.waitForSelector('[data-testid="a-run"][data-status="finished"]', { timeout: 120000 });
    const [d] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="a-save"]')]);
    model = JSON.parse(fs.readFileSync(await d.path(), "utf8"));
  }
  model.note = "😀中文\u202e".repeat(100_000);
  const file = path.join(artifacts, "note-geante.json");
  fs.writeFileSync(file, JSON.stringify(model));
  const t0 = Date.now();
  await page.setInputFiles('[data-testid="a-load"]', file);
  await page.waitForSelector('[data-testid="a-message"]', { timeout: 3000 });
  const message = await page.locator('[data-testid="a-message"]').innerText();
  console.log(`# a 400,000-character note: answered in ${Date.now() - t0} ms, a message of ${message.length} characters`);
  assert.ok(message.length < 3000, "the note is cut");
  assert.ok(!message.includes("\u202e"), "no bidi control shown");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("two tabs each solve an exercise: both are kept after a reload", async () => {
  const { page, problems, context } = await openPage(browser);
  const other = await context.newPage();
  await gotoStep(page, base, 1, 2);
  await gotoStep(other, base, 1, 3);
  await answer(page, "l1.e1", "u");
  await page.waitForSelector('[data-exercise="l1.e1"][data-outcome="solved"]');
  await answer(other, "l1.e2", "6");
  await other.waitForSelector('[data-exercise="l1.e2"][data-outcome="solved"]');
  await page.reload();
  await gotoStep(page, base, 1, 2);
  assert.equal(await outcome(page, "l1.e1"), "solved");
  await gotoStep(page, base, 1, 3);
  assert.equal(await outcome(page, "l1.e2"), "solved", "the other tab's work is kept");
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("an exploded run's table says so, not « en cours… »", async () => {
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 6, 5);
  await page.fill('[data-testid="steps"]', "2");
  await page.fill('[data-testid="lr"]', "3");
  await page.click('[data-testid="train"]');
  await page.waitForSelector('[data-testid="train-status"][data-status="exploded"]', { timeout: 60000 });
  assert.match(await page.locator('[data-testid="eval-loss"]').last().innerText(), /a explosé/);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("the served page's CSP allows no inline script but its own (hashes), and says so", async () => {
  const html = fs.readFileSync(path.join(dist, "index.html"), "utf8");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, "a CSP in the served page");
  const scriptSrc = csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src"));
  assert.doesNotMatch(scriptSrc, /unsafe-inline/);
  assert.match(scriptSrc, /'sha256-/);
  assert.equal(fs.readFileSync(path.join(dist, "csp.txt"), "utf8").trim(), csp.replace(/&#39;/g, "'").trim(), "the header cargo xtask serve sends is the page's own CSP");
  // The page runs under it: no CSP violation while it starts and shows a lesson.
  const { page, problems, context } = await openPage(browser);
  await gotoStep(page, base, 1, 4);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
