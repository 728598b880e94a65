// The same pupil's walk in Firefox ESR and in WebKit (Safari's engine), from the one-file page
// opened as a file (a USB stick) and from the served build: home, all of lesson 1's exercises,
// progress kept across a reload, lesson 6's default training to the end, the Atelier training in
// its worker with a save → load round trip, no request leaving the machine, no page error.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { serve, dist, TEACHING_SET, mostFrequentAfter, bigramCounts } from "./harness.js";
import { available, start } from "./engines.js";

let server, base;
before(async () => { ({ server, base } = await serve()); });
after(() => server?.close());

const here = available();
const fileUrl = pathToFileURL(path.join(dist, "tuto-llm.html")).href;

async function answer(e, id, text) {
  await e.type(`[data-exercise-input="${id}"]`, text);
  await e.click(`[data-exercise="${id}"] button[type=submit]`);
  return e.until(`document.querySelector('[data-exercise="${id}"] .feedback')?.innerText`, 10000, `feedback of ${id}`);
}

async function step(e, url, lesson, n) {
  await e.goto(`${url}#/lecon/${lesson}/etape/${n}`);
  await e.waitFor(`main[data-lesson="${lesson}"][data-step="${n}"]`);
}

/** Clicks an SVG element (they have no .click(): the event a pupil's click makes). */
const tap = (e, css, i = 0) => e.js(`document.querySelectorAll(${JSON.stringify(css)})[${i}].dispatchEvent(new MouseEvent("click", { bubbles: true }))`);

async function walk(engine, url) {
  const e = await start(engine);
  const times = {};
  try {
    let t0 = Date.now();
    await e.goto(`${url}#/`);
    await e.waitFor(".lesson-cards li", 30000);
    times.home = Date.now() - t0;
    assert.equal(await e.count(".lesson-card"), 6);

    // Lesson 1, every exercise (answers computed here).
    t0 = Date.now();
    await step(e, url, 1, 2);
    assert.match(await answer(e, "l1.e1", "u"), /Bravo/);
    await step(e, url, 1, 3);
    assert.match(await answer(e, "l1.e2", "6"), /6 paires/);
    await step(e, url, 1, 4);
    assert.match(await answer(e, "l1.e3", "r"), /Bien prédit/);
    assert.equal(await e.count('[data-name="counts"] rect.cell'), 729);
    times.table = Date.now() - t0;
    // Row « l »: the 13th row label (after « . » and a to k).
    await tap(e, '[data-name="counts"] .hm-axis[role=button]', 12);
    await e.waitFor('[data-testid="row-summary"]', 5000);
    assert.match(await answer(e, "l1.e4", mostFrequentAfter(TEACHING_SET, "l")[0]), /Exact/);
    await step(e, url, 1, 5);
    await e.type('[data-testid="add-name-input"]', "tortank, tiplouf");
    await e.click(".add-name button");
    await e.until(`/Réussi/.test(document.querySelector('[data-exercise="l1.e5"] .feedback')?.innerText || "")`, 5000, "l1.e5 solved");
    await step(e, url, 1, 6);
    await e.click('[data-key="o"]');
    const row = bigramCounts([...TEACHING_SET, "tortank", "tiplouf"]).get("o");
    const pct = (100 * (row.get("u") || 0)) / [...row.values()].reduce((a, b) => a + b, 0);
    assert.match(await answer(e, "l1.e6", String(Math.round(pct))), /^Oui/);
    await step(e, url, 1, 7);
    await e.click('[data-testid="invent"]');
    assert.equal(await e.count(".generator .chips li"), 10);
    assert.match(await answer(e, "l1.e7", "emma"), /ne pourra jamais/);
    assert.match(await answer(e, "l1.e7", "Gara"), /Bravo/);
    times.lesson1 = Date.now() - t0;
    const done = "7\u00a0exercices réussis sur 7";
    assert.equal(await e.text('[data-testid="lesson-counter"]'), done);
    await e.reload();
    await e.waitFor('main[data-step="7"]');
    assert.equal(await e.text('[data-testid="lesson-counter"]'), done, "progress kept across a reload");

    // Lesson 6's default training, to the end.
    await step(e, url, 6, 5);
    t0 = Date.now();
    await e.click('[data-testid="train"]');
    await e.until(`/Terminé/.test(document.querySelector('[data-testid="train-status"]')?.innerText || "")`, 90000, "lesson 6 finished");
    times.lesson6 = Date.now() - t0;
    times.lesson6Speed = await e.text('[data-testid="speed"]');
    await e.until(`[...document.querySelectorAll('[data-testid="eval-loss"]')].every((c) => /\\d,\\d\\d/.test(c.innerText))`, 20000, "lesson 6 loss");
    times.lesson6Loss = await e.text('[data-testid="eval-loss"]');

    // The Atelier: trained in a worker, saved, loaded back with the same predictions.
    await e.goto(`${url}#/atelier`);
    t0 = Date.now();
    await e.click('[data-testid="a-train"]');
    await e.until(`/Terminé/.test(document.querySelector('[data-testid="a-status"]')?.innerText || "")`, 120000, "Atelier finished");
    times.atelier = Date.now() - t0;
    times.atelierStatus = await e.text('[data-testid="a-status"]');
    assert.equal(await e.js(`/refuse le calcul en arrière-plan/.test(document.body.innerText)`), false, "trained in a worker");
    const bars = `[...document.querySelectorAll('[data-widget="prob-bars"] .bar')].map((b) => b.textContent).join("|")`;
    const before = await e.js(bars);
    await e.js(`(() => { window.__saved = null; const make = URL.createObjectURL;
      URL.createObjectURL = (blob) => { blob.text().then((t) => { window.__saved = t; }); return make.call(URL, blob); }; })()`);
    await e.click('[data-testid="a-save"]');
    const saved = await e.until("window.__saved", 10000, "the saved model");
    assert.match(saved, /tuto-llm-minigpt/);
    await e.reload();
    await e.waitFor('[data-testid="a-load"]');
    await e.js(`(() => { const input = document.querySelector('[data-testid="a-load"]'); const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(saved)}], "tuto-llm-modele.json", { type: "application/json" }));
      input.files = dt.files; input.dispatchEvent(new Event("change", { bubbles: true })); })()`);
    await e.until(`/Modèle ouvert/.test(document.querySelector('[data-testid="a-message"]')?.innerText || "")`, 10000, "model loaded");
    assert.equal(await e.js(bars), before, "same predictions after save → load");

    // Nothing left the machine; nothing broke.
    const outside = await e.js(`performance.getEntriesByType("resource").map((r) => r.name).filter((u) => !/^(file|data|blob):|^http:\\/\\/127\\.0\\.0\\.1/.test(u))`);
    assert.deepEqual(outside, []);
    assert.equal(await e.js(`document.getElementById("oups").hidden`), true);
  } finally {
    await e.close();
  }
  assert.deepEqual(e.errors, [], "no page error");
  return times;
}

for (const engine of ["firefox", "webkit"]) {
  for (const [mode, url] of [["file://", () => fileUrl], ["served", () => base]]) {
    const skip = !here[engine] && !process.env.REQUIRE_ALL_ENGINES && `${engine} is not installed (cargo xtask test installs it)`;
    test(`${engine}, ${mode}: home, lesson 1, progress, lesson 6 training, Atelier save/load`, { skip }, async () => {
      const times = await walk(engine, url());
      console.log(`# ${engine} ${mode}: home ${times.home} ms, table ${times.table} ms, lesson 1 walk ${times.lesson1} ms; ` +
        `lesson 6 run ${times.lesson6} ms (${times.lesson6Speed}; loss ${times.lesson6Loss}); Atelier 1000 steps ${times.atelier} ms (${times.atelierStatus})`);
    });
  }
}
