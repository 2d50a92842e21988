// Reading the pipeline's tables in the browser: pipelines/site/prepare.ts writes each as columns, a
// repeated column as a dictionary and codes ({rows, columns, dates}); this turns it back into rows
// (plain objects; date columns as Date). No decoder library, nothing computed.

/** readTable(FileAttachment("/data/tables/x.json").json()) → rows */
export async function readTable(json) {
  const {rows: n, columns, dates = []} = await json;
  return decode(n, columns, dates);
}

/** a group page's file: the same encoding per part (members, resources, exams …) */
export async function readGroup(json) {
  const group = await json;
  return Object.fromEntries(Object.entries(group).map(([key, value]) => [key, value && typeof value === "object" && "columns" in value ? decode(value.rows, value.columns, value.dates) : value]));
}

function decode(n, columns, dates = []) {
  const names = Object.keys(columns);
  const arrays = names.map((name) => {
    const column = columns[name];
    const values = Array.isArray(column) ? column : column.codes.map((code) => (code == null ? null : column.dict[code]));
    return dates.includes(name) ? values.map((value) => (value == null ? null : new Date(value))) : values;
  });
  const rows = new Array(n);
  for (let i = 0; i < n; i++) {
    const row = {};
    for (let j = 0; j < names.length; j++) row[names[j]] = arrays[j][i];
    rows[i] = row;
  }
  return rows;
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
