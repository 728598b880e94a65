// Browser benchmark (not a test): prints figures measured in headless Chromium.
// 1. The teachers' speed page: flat-out training of the microgpt-size GPT on the page (tokens/s,
//    eval loss, slowest step), each lesson's training as a pupil starts it (wall seconds), then
//    the phase-2 model (4 layers, cards of 64, batches of 32) for 60 s on every core's worker and
//    60 s on one (`--quick`: 10 s each), with the longest main-thread task meanwhile.
// 2. Lesson 6's default run as a pupil starts it: compute time, letters per second shown, and
//    the longest main-thread task while it animates (PerformanceObserver "longtask").
import { serve, launch, openPage } from "../e2e/harness.js";

const { server, base } = await serve();
const browser = await launch();
try {
  const { page } = await openPage(browser);
  await page.goto(`${base}#/enseignants/vitesse`);
  const quick = process.argv.includes("--quick");
  await page.click(quick ? '[data-testid="bench-run"]' : '[data-testid="bench-full"]');
  await page.waitForSelector('[data-testid="bench-verdict"]', { timeout: 300000 });
  const report = JSON.parse(await page.locator('[data-testid="bench-result"]').textContent());
  for (const name of ["pokemon_1000", "prenoms_1000", "big_prenoms_100", "pokemon_10000"]) {
    const r = report[name];
    if (!r) continue;
    console.log(`${name.padEnd(16)} ${String(Math.round(r.tokens_per_s)).padStart(8)} tokens/s  ${r.steps} steps in ${Math.round(r.ms)} ms  eval loss ${r.eval_loss?.toFixed(4)}  slowest step ${r.slowest_step_ms.toFixed(2)} ms  (${r.params} params)`);
  }
  console.log(`lessons (wall seconds as pupils start them): ${Object.entries(report.lessons).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
  for (const [name, p2] of [["phase2", report.phase2], ["phase2_one_worker", report.phase2_one_worker]]) {
    console.log(`${name.padEnd(18)} ${String(Math.round(p2.tokens_per_s)).padStart(8)} tokens/s on ${p2.workers} worker(s)${p2.route ? ` (messages: ${p2.route})` : ""}  ${p2.steps} steps of ${p2.batch} names in ${p2.seconds.toFixed(1)} s  held-out loss ${p2.test_loss?.toFixed(4)}  (${p2.params} params)`);
  }
  console.log(`workers' gain ×${(report.phase2.tokens_per_s / report.phase2_one_worker.tokens_per_s).toFixed(2)}; longest main-thread task meanwhile ${Math.round(report.phase2.longest_main_thread_task_ms)} ms; same-bits check through the page ${JSON.stringify(report.team_check)}, by channel ${JSON.stringify(report.team_check_channel)}`);
  console.log(`verdict: ${(await page.locator('[data-testid="bench-verdict"]').innerText()).replace(/\n/g, " | ")}`);

  const lesson = await openPage(browser);
  const p = lesson.page;
  await p.goto(`${base}#/lecon/6/etape/5`);
  await p.waitForSelector('[data-testid="train"]');
  await p.waitForTimeout(500); // let the page settle: only tasks during training count
  await p.evaluate(() => {
    window.__longest = 0;
    window.__tasks = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) { window.__longest = Math.max(window.__longest, e.duration); window.__tasks.push(Math.round(e.duration)); } })
      .observe({ type: "longtask" });
  });
  const t0 = Date.now();
  await p.click('[data-testid="train"]');
  await p.waitForSelector('[data-testid="train-status"]:has-text("Terminé")', { timeout: 60000 });
  const wall = Date.now() - t0;
  await p.waitForSelector('[data-testid="eval-loss"]:not(:has-text("cours"))');
  const speed = await p.locator('[data-testid="speed"]').innerText();
  const evalLoss = await p.locator('[data-testid="eval-loss"]').innerText();
  await p.waitForTimeout(300);
  const longest = await p.evaluate(() => window.__longest);
  const tasks = await p.evaluate(() => window.__tasks);
  console.log(`lesson 6 default run (1000 steps, Pokémon): ${speed}`);
  console.log(`  wall time ${wall} ms (animated, ≤ 20 steps per frame), eval loss ${evalLoss}, longest main-thread task ${longest ? longest.toFixed(0) + " ms" : "none over 50 ms"} (tasks over 50 ms: ${JSON.stringify(tasks)})`);
} finally {
  await browser.close();
  server.close();
}
