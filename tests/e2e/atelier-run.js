// The Atelier's run panel as tests read it, for every engine (`engines.js`): the panel says what
// the run is doing in data attributes (`crates/app/src/pages/atelier/run.rs`: `data-status`,
// `data-step`, `data-steps`, `data-checkpoint-step`), so tests wait on those, never on the
// French status line nor on a clock. Also the one starter of a big run.

const js = JSON.stringify;

export const RUN = '[data-testid="a-run"]';
/** The statuses of a run that is over. */
export const OVER = ["finished", "stopped", "lost"];

/** The panel's state now: { status, step, steps, checkpoint }. */
export const run = (e) => e.js(`(() => { const r = document.querySelector(${js(RUN)})?.dataset || {};
  return { status: r.status, step: Number(r.step || 0), steps: Number(r.steps || 0), checkpoint: Number(r.checkpointStep || 0) }; })()`);
/** Page expressions for `e.until`. */
export const statusIs = (list) => `${js(list)}.includes(document.querySelector(${js(RUN)})?.dataset.status)`;
export const stepAbove = (n) => `Number(document.querySelector(${js(RUN)})?.dataset.step) > ${n}`;
/** A checkpoint after step `n` is kept: a worker lost from now on carries the run on from it. */
export const checkpointAbove = (n) => `Number(document.querySelector(${js(RUN)})?.dataset.checkpointStep) > ${n}`;
export const checkpointKept = () => checkpointAbove(0);

/** Moves a slider to position `i` as a hand would (an input event). */
export const slide = (e, testid, i) => e.js(`(() => { const s = document.querySelector('[data-testid="${testid}"]');
  s.value = "${i}"; s.dispatchEvent(new Event("input", { bubbles: true })); return true; })()`);

/**
 * Opens the Atelier at `base` and starts its biggest ready-made model (« Grand ») on the prénoms;
 * returns once the page says a first step is done. `steps`: the steps slider's position (0 is
 * 500 steps), `workers`: how many cores to use (default: what the page offers), `before`: a page
 * expression run first (to watch the workers the page makes).
 */
export async function startBigRun(e, base, { steps, workers, before } = {}) {
  await e.goto(`${base}#/atelier`);
  await e.waitFor('[data-testid="a-train"]');
  if (before) await e.js(before);
  await e.click('[data-testid="a-preset-2"]');
  await e.click('[data-dataset="prenoms"]');
  if (steps !== undefined) await slide(e, "a-steps", steps);
  // One core: no choice to make (the page offers none).
  if (workers !== undefined && await e.js(`!!document.querySelector('[data-testid="a-workers"]')`)) await slide(e, "a-workers", workers - 1);
  await e.click('[data-testid="a-train"]');
  await e.until(stepAbove(0), 300000, "the first step");
}
