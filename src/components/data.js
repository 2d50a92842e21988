// Reading the pipeline's files in the browser: Arrow IPC via apache-arrow (no Framework built-in: those
// download from a CDN). Rows come back as plain objects; Date32 columns as Date, lists as arrays.
import {tableFromIPC} from "apache-arrow";

// Pages call it as readArrow(FileAttachment("/data/x.arrow").arrayBuffer()): a bare FileAttachment of an
// .arrow file makes Framework add its CDN Arrow loader.
export async function readArrow(buffer) {
  const table = tableFromIPC(new Uint8Array(await buffer));
  const dateColumns = table.schema.fields.filter((field) => String(field.type).startsWith("Date")).map((field) => field.name);
  return table.toArray().map((row) => {
    const object = row.toJSON();
    for (const [key, value] of Object.entries(object)) {
      if (typeof value === "bigint") object[key] = Number(value);
      else if (value != null && typeof value === "object" && typeof value.toArray === "function") object[key] = Array.from(value.toArray());
    }
    for (const name of dateColumns) if (object[name] != null) object[name] = new Date(object[name]);
    return object;
  });
}

/** the latest value of `key` in rows (periods YYYYQn, school years YYYY-YYYY and ISO dates sort as text) */
export function latest(rows, key = "period") {
  let best;
  for (const row of rows) if (row[key] != null && (best === undefined || row[key] > best)) best = row[key];
  return best;
}

export function unique(rows, key) {
  return [...new Set(rows.map((row) => row[key]).filter((value) => value != null))].sort();
}
