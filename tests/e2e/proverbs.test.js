// The Atelier on the « Proverbes »: choosing them picks the sentence size (context 64, the
// extended alphabet with its space and apostrophe), a short run in the workers, ten sentences
// drawn whole and each marked « copié », « nouveau » or « bizarre » by the rule stated under
// them, every word that is not French underlined with a title and a word for screen readers.
// The marks are checked here against the data file: a « copié » sentence is a proverb, a
// « nouveau » one has no marked word, a marked word is never a word of the proverbs (all of
// them are in the page's French word list).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, openPage, datasetNames, artifacts } from "./harness.js";

let server, base, browser;
before(async () => { ({ server, base } = await serve()); browser = await launch(); });
after(async () => { await browser?.close(); server?.close(); });

/** Each shown sentence: its text (without the screen readers' words), its mark, its marked words. */
const sentences = (page) => page.locator('[data-testid="a-names"] li').evaluateAll((lis) => lis.map((li) => {
  const words = li.querySelector(".words");
  const copy = words?.cloneNode(true);
  copy?.querySelectorAll(".sr-only").forEach((s) => s.remove());
  return {
    text: copy?.textContent ?? null,
    mark: li.dataset.verdict ?? null,
    shown: li.querySelector("small")?.textContent ?? null,
    marked: [...li.querySelectorAll(".not-french")].map((s) => ({
      word: [...s.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join(""),
      title: s.getAttribute("title"),
      spoken: s.querySelector(".sr-only")?.textContent ?? "",
    })),
  };
}));

test("atelier: a model of proverbs writes sentences, each judged, its unknown words marked", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(`${base}#/atelier`);
  await page.waitForSelector('[data-testid="a-train"]');
  assert.equal(await page.locator('[data-testid="a-preset-3"]').count(), 0, "no sentence size for names");
  await page.check('[data-dataset="proverbes"]');
  // The sentence size, pressed, with the extended alphabet and a context of 64 letters.
  await page.waitForSelector('[data-testid="a-preset-3"][aria-pressed="true"]');
  assert.ok(await page.locator('[data-testid="extended-alphabet"]').isChecked());
  assert.equal(await page.locator('[data-testid="a-params"]').innerText(), "206\u00a0592");
  assert.equal(await page.locator('[data-testid="a-block-value"]').innerText(), "64");
  assert.equal(await page.locator('[data-testid="a-batch-value"]').innerText(), "8");
  assert.equal(await page.locator('[data-testid="a-steps-value"]').innerText(), "1\u00a0000");
  await page.fill('[data-testid="a-steps"]', "0"); // 500 steps: a short run
  await page.click('[data-testid="a-train"]');
  await page.waitForSelector('[data-testid="a-run"][data-status="finished"][data-step="500"]', { timeout: 300000 });

  // Sentences are drawn at the temperature the size was measured with.
  assert.equal(await page.locator('[data-testid="a-temp-value"]').innerText(), "0,5");
  assert.match(await page.locator('[data-testid="a-generate"]').innerText(), /Invente 10 phrases/);
  await page.click('[data-testid="a-generate"]');
  await page.waitForSelector('[data-testid="a-names"] li.sentence');
  const shown = await sentences(page);
  console.log(`# Atelier, 10 sentences after 500 steps on the proverbs: ${shown.map((s) => `${s.text} (${s.mark}${s.marked.length ? ": " + s.marked.map((m) => m.word).join(", ") : ""})`).join(" | ")}`);
  assert.equal(shown.length, 10);
  assert.ok(shown.filter((s) => s.text.includes(" ")).length >= 8, "sentences, with spaces");
  // A proverb is drawn whole: longer than a name's 24 letters.
  assert.ok(shown.some((s) => [...s.text].length > 24), "sentences longer than a name");

  const proverbs = datasetNames("proverbes.txt");
  const known = new Set();
  // A proverb's words, whole and around an apostrophe (« l'argent »: « l' » and « argent »).
  for (const p of proverbs) {
    for (const w of p.split(/[ ,]+/)) {
      known.add(w);
      if (w.includes("'")) { known.add(w.slice(0, w.indexOf("'") + 1)); known.add(w.slice(w.lastIndexOf("'") + 1)); }
    }
  }
  const words = { ["copy"]: "copié", ["new"]: "nouveau", ["odd"]: "bizarre" };
  for (const s of shown) {
    assert.ok(s.mark in words, `${s.text}: a mark`);
    assert.equal(s.shown, words[s.mark], "the mark said in words, not by colour alone");
    if (s.mark === "copy") assert.ok(proverbs.includes(s.text), `${s.text}: copied from the list`);
    else assert.ok(!proverbs.includes(s.text), `${s.text}: not in the list`);
    if (s.mark === "new") assert.equal(s.marked.length, 0, `${s.text}: new, yet a word marked`);
    if (s.mark === "odd") assert.ok(s.marked.length > 0 || s.text.split(/[ ,']+/).filter(Boolean).length < 2, `${s.text}: odd without a reason`);
    for (const m of s.marked) {
      assert.ok(!known.has(m.word), `« ${m.word} » is a word of the proverbs, marked as not French`);
      assert.ok(s.text.includes(m.word));
      assert.equal(m.title, "pas un mot français");
      assert.match(m.spoken, /pas un mot français/);
    }
  }
  // 500 steps still babble: some word is marked (measured natively at 0.5: 18 sentences of 20 « bizarre »).
  assert.ok(shown.some((s) => s.marked.length > 0), "a word that is not French is marked");
  const marked = page.locator(".not-french").first();
  const style = await marked.evaluate((el) => getComputedStyle(el).textDecorationLine + " " + getComputedStyle(el).textDecorationStyle);
  assert.match(style, /underline dotted/, "underlined, not only coloured");
  const rule = await page.locator('[data-testid="a-marks-rule"]').innerText();
  assert.match(rule, /«\scopié\s».*«\snouveau\s».*«\sbizarre\s».*souligné/s);
  await page.locator('[data-testid="a-names"]').screenshot({ path: path.join(artifacts, "proverbs-sentences.png") });
  await page.screenshot({ path: path.join(artifacts, "proverbs-atelier.png"), fullPage: true });

  // Back to names: the name rule and the small size again.
  await page.check('[data-dataset="prenoms"]');
  await page.waitForSelector('[data-testid="a-preset-0"][aria-pressed="true"]');
  assert.equal(await page.locator('[data-testid="a-preset-3"]').count(), 0);
  assert.deepEqual(problems, { errors: [], outside: [] });
  await context.close();
});
