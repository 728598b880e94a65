// Shared helpers for the end-to-end tests: a static server on 127.0.0.1, Debian's Chromium
// driven by playwright-core (no browser download), and watchers that fail a test on any console
// error or any request leaving the machine.
import { chromium } from "playwright-core";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "..", "..");
export const dist = path.join(root, "dist");
export const artifacts = path.join(root, "tests", "artifacts");
fs.mkdirSync(artifacts, { recursive: true });

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".wasm": "application/wasm", ".css": "text/css" };

/** Serves dist/ (or another build's folder) on 127.0.0.1 (a free port). */
export async function serve(folder = dist) {
  const dist = path.resolve(folder);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    let file = path.join(dist, decodeURIComponent(url.pathname));
    if (!file.startsWith(dist)) { res.writeHead(403).end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, "index.html");
    if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return { server, base: `http://127.0.0.1:${server.address().port}/` };
}

export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/** A fresh page that records console errors, page errors and requests leaving the machine. */
export async function openPage(browser, { viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ viewport, locale: "fr-FR" });
  const page = await context.newPage();
  const problems = { errors: [], outside: [] };
  page.on("console", (m) => { if (m.type() === "error") problems.errors.push(m.text()); });
  page.on("pageerror", (e) => problems.errors.push(String(e)));
  page.on("dialog", (d) => d.accept());
  context.on("request", (r) => {
    const u = new URL(r.url());
    const local = u.protocol === "file:" || u.protocol === "data:" || u.protocol === "blob:" || u.hostname === "127.0.0.1";
    if (!local) problems.outside.push(r.url());
  });
  return { context, page, problems };
}

/** Names of the dataset files, for checking the page's answers independently of the app. */
export function datasetNames(file) {
  return fs.readFileSync(path.join(root, "data", file), "utf8").split("\n").map((s) => s.trim()).filter(Boolean);
}

export const TEACHING_SET = ["arcanin", "bulbizarre", "carapuce", "dracaufeu", "ectoplasma", "evoli", "felinferno",
  "gardevoir", "goupix", "lokhlass", "lucario", "metamorph", "mewtwo", "noctali", "pikachu", "rondoudou", "ronflex",
  "salameche", "togepi", "voltali"];

/** Bigram counts, computed here in JS: the test's own answer key. */
export function bigramCounts(names) {
  const counts = new Map();
  for (const n of names) {
    const w = "." + n + ".";
    for (let i = 0; i + 1 < w.length; i++) {
      const row = counts.get(w[i]) || new Map();
      row.set(w[i + 1], (row.get(w[i + 1]) || 0) + 1);
      counts.set(w[i], row);
    }
  }
  return counts;
}

/**
 * The course's marks of an invented name, computed here in JS against the list `names` by the
 * rule the page states (`rule`, the text under the names): "copy" (in the list), "new", "odd"
 * (under the stated number of letters, longer than every name, or with a pair of letters, dots
 * included, that fewer than one name in the stated thousand has; for a shorter list, a pair no
 * name has), "empty" for an empty name. The numbers are read from the French, so a rule the page
 * says and a rule the code applies cannot drift apart unnoticed.
 */
export function marker(names, rule) {
  const said = rule.replace(/[\u00a0\u202f]/g, " ");
  const letters = said.match(/moins de (\d+) lettres/);
  const per = said.match(/moins d'un nom sur ([\d ]+\d)/);
  if (!letters || !per || !/plus long que tous/.test(said)) throw new Error(`a marks rule without its numbers: « ${rule} »`);
  const minLetters = Number(letters[1]);
  const rarePer = Number(per[1].replace(/ /g, ""));
  const docs = new Map();
  let longest = 0;
  for (const n of names) {
    longest = Math.max(longest, [...n].length);
    const w = [...`.${n}.`];
    const seen = new Set();
    for (let i = 0; i + 1 < w.length; i++) seen.add(w[i] + w[i + 1]);
    for (const p of seen) docs.set(p, (docs.get(p) || 0) + 1);
  }
  const rareBelow = Math.max(1, Math.ceil(names.length / rarePer));
  const list = new Set(names);
  return (name) => {
    if (!name) return "empty";
    if (list.has(name)) return "copy";
    const w = [...`.${name}.`];
    const fits = w.length - 2 >= minLetters && w.length - 2 <= longest &&
      w.slice(1).every((c, i) => (docs.get(w[i] + c) || 0) >= rareBelow);
    return fits ? "new" : "odd";
  };
}

/** `marker` by the rule the page shows under its names (lessons 5 and 6: `marks-rule`). */
export async function pageMarker(page, names, testid = "marks-rule") {
  return marker(names, await page.locator(`[data-testid="${testid}"]`).first().innerText());
}

/** Waits `n` animation frames in the page: what a click started is drawn by then (the app draws
 * once per frame), and a paused widget has had `n` chances to move. */
export async function frames(page, n = 2) {
  await page.evaluate((k) => new Promise((done) => {
    let left = k;
    const tick = () => (--left <= 0 ? done() : requestAnimationFrame(tick));
    requestAnimationFrame(tick);
  }), n);
}

/** The letters with the largest count after `prev`. */
export function mostFrequentAfter(names, prev) {
  const row = bigramCounts(names).get(prev);
  const max = Math.max(...row.values());
  return [...row].filter(([, c]) => c === max).map(([l]) => l);
}

export async function gotoStep(page, base, lesson, step) {
  await page.goto(`${base}#/lecon/${lesson}/etape/${step}`);
  await page.waitForSelector(`main[data-lesson="${lesson}"][data-step="${step}"]`);
}

export async function answer(page, id, text) {
  await page.fill(`[data-exercise-input="${id}"]`, text);
  await page.click(`[data-exercise="${id}"] button[type=submit]`);
}

export async function feedback(page, id) {
  return page.locator(`[data-exercise="${id}"] .feedback`).first().innerText();
}

/** Picks option `i` of a multiple choice (or a bet). */
export async function choose(page, id, i) {
  await page.click(`[data-exercise="${id}"] [data-choice="${i}"]`);
}

/** "solved", "missed" or null: how the progress store recorded an exercise. */
export async function outcome(page, id) {
  return page.getAttribute(`[data-exercise="${id}"]`, "data-outcome");
}

/**
 * The lessons and how many steps each has, as the page says them (no copied table): the home
 * page's cards (`data-lesson`, the bonus included), then each lesson's progress bar
 * (`aria-valuemax`). `{ 1: 8, 2: 7, … }`.
 */
export async function lessonSteps(browser, base) {
  const { page, context } = await openPage(browser);
  await page.goto(`${base}#/`);
  await page.waitForSelector(".lesson-cards");
  const lessons = await page.locator("main [data-lesson]").evaluateAll((cards) => cards.map((c) => Number(c.dataset.lesson)));
  const steps = {};
  for (const n of lessons) {
    await gotoStep(page, base, n, 1);
    steps[n] = Number(await page.getAttribute('main [role="progressbar"]', "aria-valuemax"));
    if (!(steps[n] > 1)) throw new Error(`lesson ${n}: no step count on its page`);
  }
  await context.close();
  return steps;
}

/** Every step's address, lesson by lesson (`lessonSteps`). */
export const stepUrls = (steps) => Object.entries(steps).flatMap(([n, k]) => Array.from({ length: k }, (_, i) => `#/lecon/${n}/etape/${i + 1}`));

/** A French number on the page ("3,30", "4 192") as a JS number. */
export function frNumber(text) {
  return Number(text.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".").replace("−", "-"));
}

/** Runs axe-core (WCAG 2.1 A/AA) on the page as it is now; fails listing the violations. */
export async function assertAccessible(page, where) {
  const fs = await import("node:fs");
  const axe = path.join(root, "tests", "node_modules", "axe-core", "axe.min.js");
  // Evaluated by the driver (the page's CSP, rightly, refuses an injected inline script).
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(fs.readFileSync(axe, "utf8"));
  // Judge the settled page, not a fade-in caught half-way.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => {}))));
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
  if (found.length) throw new Error(`accessibility violations at ${where}:\n${found.join("\n")}`);
}
