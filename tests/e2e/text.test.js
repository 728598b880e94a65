// The French a pupil reads, on every step and page: French spacing (a non-breaking space before
// « : ; ! ? » and inside « »), no formula or code name anywhere a pupil can open (closed
// « Pour les curieux » boxes included: LESSONS.md convention 8), no « (s) » plurals, and every
// lesson ends with what was learned.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, lessonSteps, stepUrls } from "./harness.js";

let server, base, browser, STEPS;
before(async () => { ({ server, base } = await serve()); browser = await launch(); STEPS = await lessonSteps(browser, base); });
after(async () => { await browser?.close(); server?.close(); });

const PAGES = ["#/", "#/enseignants", "#/enseignants/lecon/1", "#/enseignants/lecon/6", "#/enseignants/corrige",
  "#/enseignants/programmes", "#/enseignants/vitesse", "#/enseignants/classe", "#/enseignants/dpo", "#/enseignants/et-apres", "#/fiche/4", "#/fiche/5/activite", "#/progression", "#/atelier", "#/confidentialite", "#/mentions-legales"];
/**
 * What counts as a formula for a pupil of 10-14 (convention 8), each with its reason. Allowed:
 * arithmetic with numbers only (« 27 × 8 », « 6 ÷ 30 », « 1 × 0 + 2 × 1 = 2 », « 4 ÷ 12 »), a
 * label and its value (« loss = 0,69 »), arrows that point (« ← → », « ← toi »).
 */
const FORMULAS = [
  [/(?<!\p{L})(ln|log|exp|softmax|argmax|tanh|relu|sigmoïde?|logarithmes?|exponentielle|racine carrée)(?!\p{L})/iu, "a function of higher maths"],
  [/(?<!\p{L})\p{L}{1,12}\((?=[\p{L}\d])/u, "a function applied, f(x)"],
  [/\p{L}+\s*←\s*\p{L}+\s*[−\-+×÷*\/]/u, "an assignment (a ← b − c)"],
  [/\^/u, "a power (^)"],
  [/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u, "a power (superscript digits)"],
  [/10\s*puissance|puissances? de (10|dix)/iu, "a power of ten"],
  [/×\s*10(?![\d\s\u00a0]*\d)(?!,)/u, "a power of ten (« × 10 »)"],
  [/\b(n_embd|n_head|n_layer|block_size|block|rmsnorm|lm_head|wte|wpe)\b/u, "a code name"],
  [/\b[\p{L}\d]+_[\p{L}\d]+\b/u, "a code name (snake_case)"],
  [/(?<![\p{L}\d])\p{L}\s*=/u, "a one-letter variable (p = …)"],
  [/\p{L}+\s*=\s*[−-]?\s*\p{L}+\s*(\(|[×÷*\/+−-]\s*\p{L})/u, "letters on both sides of =, as an expression"],
  [/[Σ∑√∂∇]/u, "a maths symbol"],
  [/[×÷]\s*\(\s*\p{L}/u, "a product with a quantity in words, × (…)"],
];

/** The formulas found in a text, with their reasons. */
function formulas(text) {
  const found = [];
  for (const [re, why] of FORMULAS) {
    const m = text.match(re);
    if (m) found.push(`${why}: « ${text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 15).replace(/\s+/g, " ")} »`);
  }
  return found;
}

/** Everything a pupil can open on the step: the whole text, closed boxes included. */
const wholeText = (page) => page.evaluate(() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("script, style").forEach((e) => e.remove());
  // textContent reads closed <details> too; a space between elements keeps words apart.
  main.querySelectorAll("*").forEach((e) => e.append(" "));
  return main.textContent;
});

/** The visible text of the page, without the optional boxes for the curious. */
const pupilText = (page) => page.evaluate(() => {
  const main = document.querySelector("main").cloneNode(true);
  main.querySelectorAll("details.curious, .numbers, script, style").forEach((e) => e.remove());
  document.body.appendChild(main);
  main.style.position = "absolute";
  const text = main.innerText;
  main.remove();
  return text;
});

function typography(text) {
  const bad = [];
  for (const m of text.matchAll(/.{0,25}( [:;!?»]|« ).{0,10}/g)) bad.push(`« ${m[0]} »`);
  for (const m of text.matchAll(/.{0,20}\w\(s\).{0,10}/g)) bad.push(`(s): « ${m[0]} »`);
  return bad;
}

test("the formula check catches formulas and lets arithmetic through", () => {
  for (const f of ["loss = −ln(p)", "poids ← poids − taux × gradient", "part = exp(score) ÷ somme des exp(scores)",
    "3,14 × 10²³", "p = 1/27", "2^10", "10 puissance 23", "n_embd", "la racine carrée de 8", "3,14 × 10 opérations",
    "score = question × panneau", "loss = moyenne(surprises)", "6 × 4 192 × (lettres par seconde)"]) {
    assert.notDeepEqual(formulas(f), [], `« ${f} » is a formula`);
  }
  for (const ok of ["27 × 8 = 216", "6 ÷ 30", "1 × 0 + 2 × 1 + 0 × 0 + 0 × 1 = 2", "loss = 0,69", "4 ÷ 12, environ 33 %",
    "← → étapes", "21 % ← toi", "27 × 10 000", "× 100", "[1 ; 2 ; 0 ; 0]", "(avec les points)", "Tête 1 (la requête, query)",
    "Ligne = la lettre d'avant", "froid = sage, chaud = fantaisiste", "Étape 2/8", "Coup de pouce ← Précédent Suivant"]) {
    assert.deepEqual(formulas(ok), [], `« ${ok} » is no formula`);
  }
});

test("every lesson: no formula anywhere a pupil can open, closed boxes included", async () => {
  const { page, problems, context } = await openPage(browser);
  const found = [];
  for (const [lesson, steps] of Object.entries(STEPS)) {
    for (let step = 1; step <= steps; step++) {
      await page.goto(`${base}#/lecon/${lesson}/etape/${step}`);
      await page.waitForSelector(`main[data-step="${step}"]`);
      for (const f of formulas(await wholeText(page))) found.push(`leçon ${lesson}, étape ${step}: ${f}`);
    }
  }
  if (found.length) console.log(found.join("\n"));
  assert.deepEqual(found, []);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("every lesson step: French spacing, a recap at the end", async () => {
  const { page, problems, context } = await openPage(browser);
  const found = [];
  for (const [lesson, steps] of Object.entries(STEPS)) {
    for (let step = 1; step <= steps; step++) {
      await page.goto(`${base}#/lecon/${lesson}/etape/${step}`);
      await page.waitForSelector(`main[data-step="${step}"]`);
      const text = await pupilText(page);
      const where = `leçon ${lesson}, étape ${step}`;
      for (const b of typography(text)) found.push(`${where}: ${b}`);
    }
    const recap = Number(lesson) === 6 ? steps - 1 : steps;
    await page.goto(`${base}#/lecon/${lesson}/etape/${recap}`);
    await page.waitForSelector(`main[data-step="${recap}"]`);
    if (!/Ce qu'on a appris/.test(await page.locator("main").innerText())) found.push(`leçon ${lesson}: no « Ce qu'on a appris »`);
  }
  if (found.length) console.log(found.join("\n"));
  assert.deepEqual(found, []);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("every other page: French spacing", async () => {
  const { page, problems, context } = await openPage(browser);
  const found = [];
  for (const url of PAGES) {
    await page.goto(base + url);
    await page.waitForSelector("main");
    for (const b of typography(await page.locator("body").innerText())) found.push(`${url}: ${b}`);
  }
  if (found.length) console.log(found.join("\n"));
  assert.deepEqual(found, []);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
