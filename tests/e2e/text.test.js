// The French a pupil reads, on every step and page: French spacing (a non-breaking space before
// « : ; ! ? » and inside « »), no formula or code name on the pupil's path (the optional
// « Pour les curieux » boxes may have some), no « (s) » plurals, and every lesson ends with what
// was learned.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, openPage, STEPS } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const PAGES = ["#/", "#/enseignants", "#/enseignants/lecon/1", "#/enseignants/lecon/6", "#/enseignants/corrige",
  "#/enseignants/programmes", "#/enseignants/vitesse", "#/enseignants/classe", "#/enseignants/dpo", "#/enseignants/et-apres", "#/fiche/4", "#/fiche/5/activite", "#/progression", "#/atelier", "#/confidentialite", "#/mentions-legales"];
const FORMULA = /(?<!\p{L})(ln|log|exp|softmax|argmax|tanh|relu|rmsnorm|sigmoïde?)(?!\p{L})|[Σ∑√∂∇]|\b\w+_\w+\b|(?<!\p{L})p\s*\(|=\s*−/iu;

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

test("every lesson step: French spacing, no formula, a recap at the end", async () => {
  const { page, problems, context } = await openPage(browser);
  const found = [];
  for (const [lesson, steps] of Object.entries(STEPS)) {
    for (let step = 1; step <= steps; step++) {
      await page.goto(`${base}#/lecon/${lesson}/etape/${step}`);
      await page.waitForSelector(`main[data-step="${step}"]`);
      const text = await pupilText(page);
      const where = `leçon ${lesson}, étape ${step}`;
      for (const b of typography(text)) found.push(`${where}: ${b}`);
      const formula = text.match(FORMULA);
      if (formula) found.push(`${where}: formula or code « ${formula[0]} »`);
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
