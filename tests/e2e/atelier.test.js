// The free workshop: model size, training, generation, save → load with identical predictions,
// wrong and damaged files refused in French, the biggest model trains without freezing.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { serve, launch, openPage, artifacts } from "./harness.js";
import { assertAccessible } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

const bars = (page) => page.locator('[data-widget="prob-bars"] .bar').evaluateAll((gs) => gs.map((g) => g.dataset.letter + " " + g.querySelector(".bar-value").textContent));

test("atelier: train, generate, save and load back", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.waitForSelector('[data-testid="a-train"]');
  assert.equal(await page.locator('[data-testid="a-params"]').innerText(), "4192");
  await page.fill('[data-testid="a-heads"]', "2"); // 3 heads do not divide 16
  assert.match(await page.locator(".atelier .feedback.ko").innerText(), /têtes égales/);
  assert.ok(await page.locator('[data-testid="a-train"]').isDisabled());
  await page.fill('[data-testid="a-heads"]', "1"); // 2 heads
  await page.fill('[data-testid="a-steps"]', "0"); // 500 steps
  await page.check('[data-dataset="dinosaures"]');
  await page.click('[data-testid="a-train"]');
  await page.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 60000 });
  await page.fill('[data-testid="a-prefix"]', "tyranno");
  await page.click(".word-input button");
  await page.click('[data-testid="a-generate"]');
  const names = await page.locator('[data-testid="a-names"] .chip').allInnerTexts();
  assert.ok(names.length === 10 && names.every((n) => n.startsWith("tyranno")), names.join(","));
  const before = await bars(page);

  const [download] = await Promise.all([page.waitForEvent("download"), page.click('[data-testid="a-save"]')]);
  const file = path.join(artifacts, "modele.json");
  await download.saveAs(file);
  const saved = JSON.parse(fs.readFileSync(file, "utf8"));
  assert.equal(saved.format, "tuto-llm-minigpt");
  assert.equal(saved.config.n_head, 2);

  // A fresh page: load the file back, predictions identical.
  await page.reload();
  await page.waitForSelector('[data-testid="a-train"]');
  await page.setInputFiles('[data-testid="a-load"]', file);
  await page.waitForSelector('[data-testid="a-message"]:has-text("Modèle chargé")');
  assert.deepEqual(await bars(page), before, "same predictions after save → load");
  await assertAccessible(page, "atelier, model loaded");

  // Wrong and damaged files: a French message, the loaded model stays.
  const wrong = path.join(artifacts, "pas-un-modele.json");
  fs.writeFileSync(wrong, "bonjour");
  await page.setInputFiles('[data-testid="a-load"]', wrong);
  await page.waitForSelector('[data-testid="a-message"]:has-text("pas un modèle")');
  const damaged = path.join(artifacts, "modele-abime.json");
  fs.writeFileSync(damaged, JSON.stringify({ ...saved, config: { ...saved.config, n_embd: 32 } }));
  await page.setInputFiles('[data-testid="a-load"]', damaged);
  await page.waitForSelector('[data-testid="a-message"]:has-text("abîmé")');
  const future = path.join(artifacts, "modele-futur.json");
  fs.writeFileSync(future, JSON.stringify({ ...saved, version: 9 }));
  await page.setInputFiles('[data-testid="a-load"]', future);
  await page.waitForSelector('[data-testid="a-message"]:has-text("autre version")');
  assert.deepEqual(await bars(page), before);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});

test("atelier: the biggest model on 33k first names trains while the page stays responsive", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.fill('[data-testid="a-layers"]', "3");
  await page.fill('[data-testid="a-heads"]', "3");
  await page.fill('[data-testid="a-embd"]', "7");
  await page.fill('[data-testid="a-block"]', "6");
  assert.equal(await page.locator('[data-testid="a-params"]').innerText(), String(2 * 27 * 64 + 32 * 64 + 4 * 12 * 64 * 64));
  await page.check('[data-dataset="prenoms"]');
  await page.click('[data-testid="a-train"]');
  await page.waitForFunction(() => /Pas ([1-9]\d*) sur/.test(document.querySelector('[data-testid="a-speed"]')?.textContent || ""));
  // The page answers while training: pause, then resume.
  await page.click('[data-testid="pause"]');
  await page.waitForSelector('[data-testid="resume"]');
  const paused = await page.locator('[data-testid="a-speed"]').innerText();
  console.log(`# biggest Atelier model: ${paused}`);
  await page.click('[data-testid="resume"]');
  await page.waitForSelector('[data-testid="pause"]');
  await page.click('[data-testid="pause"]');
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
