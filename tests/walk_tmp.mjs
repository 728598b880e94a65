import { serve, launch, openPage } from "./e2e/harness.js";
const { server, base } = await serve();
const browser = await launch();
const { page, problems } = await openPage(browser, { viewport: { width: 1366, height: 768 } });
const steps = { 1: 8, 2: 7, 3: 8, 4: 5, 5: 7, 6: 10, 7: 6 };
for (const [l, n] of Object.entries(steps)) {
  for (let s = 1; s <= n; s++) {
    await page.goto(`${base}#/lecon/${l}/etape/${s}`);
    await page.waitForSelector(`main[data-lesson="${l}"][data-step="${s}"]`);
    await page.waitForTimeout(150);
    if (process.env.SHOT) await page.screenshot({ path: `/tmp/pw/l${l}s${s}.png`, fullPage: true });
  }
}
for (const p of ["#/enseignants", "#/enseignants/lecon/1", "#/enseignants/corrige", "#/enseignants/programmes", "#/fiche/1", "#/progression", "#/atelier", "#/confidentialite", "#/enseignants/vitesse"]) {
  await page.goto(base + p); await page.waitForTimeout(300);
  if (process.env.SHOT) await page.screenshot({ path: `/tmp/pw/${p.replace(/[#/]/g, "_")}.png`, fullPage: true });
}
console.log("problems", JSON.stringify(problems));
await browser.close(); server.close();
