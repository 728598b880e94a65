// Browser benchmark (not a test) in Firefox ESR and WebKitGTK: the teachers' speed page, quick
// (`--quick`: phase 2 for 10 s) or full (60 s), served from 127.0.0.1. Prints the same lines as
// bench/browser.js does for Chromium.
import { serve } from "../e2e/harness.js";
import { available, start } from "../e2e/engines.js";

const quick = process.argv.includes("--quick");
const { server, base } = await serve();
try {
  for (const [name, here] of Object.entries(available())) {
    if (!here) { console.log(`${name}: not installed`); continue; }
    const e = await start(name);
    try {
      await e.goto(`${base}#/enseignants/vitesse`);
      await e.click(quick ? '[data-testid="bench-run"]' : '[data-testid="bench-full"]');
      await e.until(`!!document.querySelector('[data-testid="bench-verdict"]')`, 400000, "the verdict");
      const report = JSON.parse(await e.js(`document.querySelector('[data-testid="bench-result"]').textContent`));
      const version = await e.js("navigator.userAgent");
      console.log(`${name} (${version})`);
      for (const run of ["pokemon_1000", "prenoms_1000", "big_prenoms_100", "pokemon_10000"]) {
        const r = report[run];
        if (r) console.log(`  ${run.padEnd(16)} ${String(Math.round(r.tokens_per_s)).padStart(8)} tokens/s  ${r.steps} steps in ${Math.round(r.ms)} ms  eval loss ${r.eval_loss?.toFixed(4)}`);
      }
      console.log(`  lessons (wall s): ${Object.entries(report.lessons).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(", ")}`);
      for (const [name, p2] of [["phase2", report.phase2], ["phase2_one_worker", report.phase2_one_worker]]) {
        console.log(`  ${name.padEnd(18)} ${String(Math.round(p2.tokens_per_s)).padStart(8)} tokens/s on ${p2.workers} worker(s)${p2.route ? ` (messages: ${p2.route})` : ""}  held-out loss ${p2.test_loss?.toFixed(4)}`);
      }
      console.log(`  same-bits check through the page ${JSON.stringify(report.team_check)}, by channel ${JSON.stringify(report.team_check_channel)}; longest main-thread task ${Math.round(report.phase2.longest_main_thread_task_ms)} ms`);
      console.log(`  verdict: ${(await e.text('[data-testid="bench-verdict"]')).replace(/\n/g, " | ")}`);
    } finally {
      await e.close();
    }
  }
} finally {
  server.close();
}
