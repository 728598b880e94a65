// Pupils' progress files (« Envoyer à mon professeur », FORMAT.md version 4) written here, as a
// PC writes them: the sheet, then the SHA-256 of the same object as serde_json serialises it
// (fields in the sheet's order, maps sorted by key, a float `exported` with its « .0 »). Used to
// give « Ma classe » a whole class, forged and hostile files included, without 500 browsers.
import crypto from "node:crypto";

const RECORD_FIELDS = ["outcome", "tries", "first", "at", "reason"];

function record(r) {
  const out = {};
  for (const f of RECORD_FIELDS) if (r[f] !== undefined) out[f] = r[f];
  if (out.tries === undefined) out.tries = 0;
  // serde's order: outcome, tries, first, at, reason.
  return Object.fromEntries(RECORD_FIELDS.filter((f) => f in out).map((f) => [f, out[f]]));
}

function sorted(map) {
  return Object.fromEntries(Object.keys(map || {}).sort().map((k) => [k, map[k]]));
}

/** serde_json's text of a sheet: JSON, with `exported` written as a float. */
function serialise(sheet) {
  const body = {
    format: "tuto-llm-progression",
    version: 4,
    pupil: sheet.pupil,
    exported: "__EXPORTED__",
    records: Object.fromEntries(Object.entries(sorted(sheet.records)).map(([id, r]) => [id, record(r)])),
    explanations: sorted(sheet.explanations),
  };
  if (sheet.partner) {
    body.partner = {
      pupil: sheet.partner.pupil,
      records: Object.fromEntries(Object.entries(sorted(sheet.partner.records)).map(([id, r]) => [id, record(r)])),
      explanations: sorted(sheet.partner.explanations),
    };
  }
  const exported = Number.isInteger(sheet.exported) ? `${sheet.exported}.0` : String(sheet.exported);
  return JSON.stringify(body).replace('"__EXPORTED__"', exported);
}

/** The file's text: { pupil, exported, records: { id: { outcome, tries, first, at, reason } },
 *  explanations: { l1: "…" }, partner?: { pupil, records, explanations } }. */
export function progressFile(sheet) {
  const body = serialise(sheet);
  const checksum = crypto.createHash("sha256").update(body, "utf8").digest("hex");
  return `${body.slice(0, -1)},"checksum":"${checksum}"}`;
}

/** A playwright file payload. */
export function payload(name, sheet) {
  return { name, mimeType: "application/json", buffer: Buffer.from(typeof sheet === "string" ? sheet : progressFile(sheet), "utf8") };
}

export const DAY = 86_400_000;
