// Browser benchmark (not a test): how smooth the Atelier stays while its biggest model trains.
// Opens the Atelier, chooses « Grand (phase 2) » on the 33,235 prénoms (every core's worker, as a
// pupil gets it), starts the run and, for `SECONDS` seconds (20 by default), records the page's
// main-thread long tasks (PerformanceObserver "longtask", as the speed test's `watch` does) and
// the longest gap between two animation frames. Prints the longest task, how many went over
// 50 ms and over 200 ms, their total beyond 50 ms (blocking time) and the steps done.
//
//   node bench/atelier.js [--runs N]      (DIST=/path/to/dist to measure another build)
import { serve, launch, openPage } from "../e2e/harness.js";

const seconds = Number(process.env.SECONDS_OF_RUN || 20);
const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 1;
const { server, base } = await serve(process.env.DIST);
const browser = await launch();
try {
  for (let run = 1; run <= runs; run++) {
    const { page, context } = await openPage(browser);
    await page.goto(`${base}#/atelier`);
    await page.waitForSelector('[data-testid="a-train"]');
    await page.click('[data-testid="a-preset-2"]');
    await page.check('[data-dataset="prenoms"]');
    await page.waitForTimeout(500); // let the page settle: only tasks during training count
    await page.evaluate(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__tasks.push(e.duration); })
        .observe({ type: "longtask" });
      window.__longestFrame = 0;
      let last = performance.now();
      const tick = (t) => { window.__longestFrame = Math.max(window.__longestFrame, t - last); last = t; requestAnimationFrame(tick); };
      requestAnimationFrame(tick);
    });
    await page.click('[data-testid="a-train"]');
    await page.waitForTimeout(seconds * 1000);
    const { tasks, frame, status } = await page.evaluate(() => ({
      tasks: window.__tasks, frame: window.__longestFrame,
      status: document.querySelector('[data-testid="a-status"]')?.textContent,
    }));
    const longest = tasks.length ? Math.max(...tasks) : 0;
    const blocking = tasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
    console.log(`run ${run}: ${seconds} s of « Grand » on the prénoms — longest main-thread task ${Math.round(longest)} ms, ` +
      `${tasks.length} over 50 ms, ${tasks.filter((d) => d > 200).length} over 200 ms, blocking ${Math.round(blocking)} ms, ` +
      `longest frame gap ${Math.round(frame)} ms; ${status}`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
