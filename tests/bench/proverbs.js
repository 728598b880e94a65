// Browser benchmark (not a test): the Atelier's « Pour les phrases » run on the « Proverbes » as
// a pupil starts it (1,000 steps of 8, context 64, 206,592 parameters, every core's worker), then
// 5 draws of 10 sentences: wall seconds, letters per second as the page shows them, the held-out
// loss, and the share of the sentences' words that are French (the page's own marks).
import { serve, launch, openPage } from "../e2e/harness.js";

const { server, base } = await serve();
const browser = await launch();
try {
  const { page } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.waitForSelector('[data-testid="a-train"]');
  await page.check('[data-dataset="proverbes"]');
  await page.waitForSelector('[data-testid="a-preset-3"][aria-pressed="true"]');
  const t0 = Date.now();
  await page.click('[data-testid="a-train"]');
  await page.waitForSelector('[data-testid="a-run"][data-status="finished"][data-step="1000"]', { timeout: 900000 });
  const wall = (Date.now() - t0) / 1000;
  const run = (await page.locator('[data-testid="a-run"]').innerText()).replace(/\s+/g, " ");
  const loss = await page.locator('[data-testid="a-test-loss"]').innerText();
  let words = 0, french = 0;
  const verdicts = {};
  for (let draw = 0; draw < 5; draw++) {
    await page.click('[data-testid="a-generate"]');
    await page.waitForSelector('[data-testid="a-names"] li.sentence');
    const shown = await page.locator('[data-testid="a-names"] li.sentence').evaluateAll((lis) => lis.map((li) => {
      const copy = li.querySelector(".words").cloneNode(true);
      copy.querySelectorAll(".sr-only").forEach((s) => s.remove());
      return { text: copy.textContent, verdict: li.dataset.verdict, unknown: li.querySelectorAll(".not-french").length };
    }));
    for (const s of shown) {
      const n = s.text.split(/[ ,]+|(?<=')/).filter(Boolean).length;
      words += n;
      french += n - s.unknown;
      verdicts[s.verdict] = (verdicts[s.verdict] || 0) + 1;
    }
  }
  console.log(`proverbs, Atelier « Pour les phrases », 1000 steps: ${wall.toFixed(1)} s wall from the click`);
  console.log(`  the run as shown: ${run.slice(0, 300)}`);
  console.log(`  ${loss}`);
  console.log(`  50 sentences: ${Math.round((100 * french) / words)} % of ${words} words French; verdicts ${JSON.stringify(verdicts)}`);
} finally {
  await browser.close();
  server.close();
}
