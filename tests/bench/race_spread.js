// How much the bonus lesson's race varies from one race to the next on this computer: runs the
// race of three sizes N times (the page's own 20 s race, three models at once as the pupil runs
// it), in headless Chromium, and prints each model's steps and loss on the unseen names, then the
// spread (largest minus smallest) per model. `course::rules::bonus::TOO_CLOSE` is set from it.
// Usage (after `cargo xtask dist`): cd tests && CHROMIUM=/usr/bin/chromium node bench/race_spread.js [runs] [seconds]
import { serve, launch, openPage, gotoStep, frNumber } from "../e2e/harness.js";

const runs = Number(process.argv[2] || 5);
const seconds = Number(process.argv[3] || 20);
const { server, base } = await serve();
const browser = await launch();
const results = [];
try {
  for (let r = 0; r < runs; r++) {
    const { page, context } = await openPage(browser);
    await gotoStep(page, base, 7, 2);
    await page.click(`[data-testid="duration-${seconds}"]`);
    await page.click('[data-testid="race"]');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="race-loss"]')].length === 3 &&
      [...document.querySelectorAll('[data-testid="race-loss"]')].every((c) => /\d,\d\d/.test(c.textContent)), null, { timeout: seconds * 6000 });
    const row = await page.locator('[data-testid="race-table"] tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.cells].map((c) => c.textContent)));
    const verdict = await page.locator('[data-testid="race-verdict"]').innerText();
    results.push(row.map((c) => ({ steps: frNumber(c[2]), loss: frNumber(c[3]) })));
    console.log(`race ${r + 1}: ${row.map((c) => `${c[0]} ${c[2]} pas, ${c[3]}`).join(" | ")} — ${verdict.slice(0, 60)}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
for (const [i, name] of ["Petit", "Moyen", "Grand"].entries()) {
  const losses = results.map((r) => r[i].loss);
  const steps = results.map((r) => r[i].steps);
  console.log(`${name}: loss ${Math.min(...losses).toFixed(2)} to ${Math.max(...losses).toFixed(2)} (spread ${(Math.max(...losses) - Math.min(...losses)).toFixed(2)}), steps ${Math.min(...steps)} to ${Math.max(...steps)}`);
}
