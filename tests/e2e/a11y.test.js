// Accessibility: axe-core (injected from node_modules, no network) on every step of every lesson
// and every page, in normal and in projector mode → no WCAG 2.1 A/AA violation. Also counts
// requests that leave 127.0.0.1 over the whole walk (must be 0).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, root, lessonSteps, stepUrls, frames } from "./harness.js";

const AXE = path.join(root, "tests", "node_modules", "axe-core", "axe.min.js");
const PAGES = ["#/", "#/enseignants", "#/enseignants/lecon/3", "#/enseignants/corrige", "#/enseignants/programmes",
  "#/enseignants/vitesse", "#/enseignants/classe", "#/enseignants/dpo", "#/enseignants/et-apres", "#/fiche/2", "#/fiche/3/activite", "#/progression", "#/atelier", "#/confidentialite", "#/mentions-legales", "#/nimporte-quoi"];

let server, base, browser, STEPS;
before(async () => { ({ server, base } = await serve()); browser = await launch(); STEPS = await lessonSteps(browser, base); });
after(async () => { await browser?.close(); server?.close(); });

async function audit(page) {
  // Evaluated by the driver: the page's CSP (rightly) refuses an injected inline script.
  if (!(await page.evaluate(() => typeof window.axe !== "undefined"))) await page.evaluate(fs.readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } });
    return r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  });
}

for (const mode of ["normal", "projection"]) {
  test(`axe: every step and page, ${mode} mode`, async () => {
    const { page, problems, context } = await openPage(browser);
    await page.goto(`${base}#/?projection=${mode === "projection" ? 1 : 0}`);
    await page.waitForSelector(".lesson-cards");
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains("projection")), mode === "projection");
    const found = [];
    const urls = [...PAGES, ...stepUrls(STEPS)];
    for (const url of urls) {
      await page.goto(base + url);
      await page.waitForSelector("main");
      await frames(page);
      for (const v of await audit(page)) found.push(`${url}: ${v}`);
    }
    if (found.length) console.log(found.join("\n"));
    assert.deepEqual(found, [], `${found.length} accessibility violations`);
    assert.deepEqual(problems.outside, [], "no request leaves the machine");
    assert.deepEqual(problems.errors, []);
    await context.close();
  });
}

test("projector mode: toggle, persistence, address flag, keyboard shortcuts", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/lecon/2/etape/4`);
  await page.waitForSelector('main[data-step="4"]');
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(await size(), 18);
  await page.click('[data-testid="projection"]');
  assert.ok((await size()) >= 24, "body text ≥ 24 px when projecting");
  assert.match(await page.locator(".shortcuts").innerText(), /Espace/);
  await page.reload();
  await page.waitForSelector('main[data-step="4"]');
  assert.ok((await size()) >= 24, "projector mode persists");
  // Space starts the training, Space pauses it, R restarts it.
  await page.locator("h2.step-title").click();
  await page.keyboard.press(" ");
  await page.waitForSelector('[data-testid="train-status"]');
  await page.keyboard.press(" ");
  await page.waitForSelector('[data-testid="resume"]');
  await page.keyboard.press("r");
  await page.waitForSelector('[data-testid="train-status"][data-status="finished"]', { timeout: 20000 });
  // A teacher's bookmark can turn it off (or on).
  await page.goto(`${base}#/lecon/1?projection=0`);
  await page.reload();
  await page.waitForSelector("main");
  assert.equal(await size(), 18);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
