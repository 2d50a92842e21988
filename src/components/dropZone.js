// The bring-your-own-data page's file picker: a drop zone that takes a folder (every period) or loose files
// (one period), with buttons for a folder or files. Its value is the list of files with their paths inside
// what was dropped ({path, blob}); it fires "input" when files arrive. Reads nothing itself.
import {html} from "htl";

/** @param {{text: {drop: string, chooseFolder: string, chooseFiles: string, hint: string}}} options */
export function dropZone({text}) {
  const folder = html`<input type="file" multiple webkitdirectory data-testid="folder-input">`;
  const files = html`<input type="file" multiple accept=".csv,.tsv,.txt,.json" data-testid="files-input">`;
  const zone = html`<div class="jh-drop" tabindex="0" role="group" aria-label=${text.drop}>
    <p class="jh-drop-title">${text.drop}</p>
    <div class="jh-actions">
      <label class="jh-button">${text.chooseFolder}${folder}</label>
      <label class="jh-button">${text.chooseFiles}${files}</label>
    </div>
    <p class="jh-note">${text.hint}</p>
  </div>`;
  zone.value = null;
  const emit = (list) => {
    if (!list.length) return;
    zone.value = {files: list, at: performance.now()};
    zone.dispatchEvent(new Event("input", {bubbles: true}));
  };
  const fromInput = (input) => (event) => {
    event.stopPropagation(); // the input's own "input" event is not the zone's value
    emit(Array.from(input.files, (file) => ({path: file.webkitRelativePath || file.name, blob: file})));
    input.value = "";
  };
  folder.addEventListener("change", fromInput(folder));
  files.addEventListener("change", fromInput(files));
  folder.addEventListener("input", (event) => event.stopPropagation());
  files.addEventListener("input", (event) => event.stopPropagation());
  zone.addEventListener("dragover", (event) => {
    event.preventDefault();
    zone.classList.add("jh-over");
  });
  zone.addEventListener("dragleave", () => zone.classList.remove("jh-over"));
  zone.addEventListener("drop", async (event) => {
    event.preventDefault();
    zone.classList.remove("jh-over");
    const entries = Array.from(event.dataTransfer.items ?? [], (item) => item.webkitGetAsEntry?.()).filter(Boolean);
    if (entries.length) emit((await Promise.all(entries.map((entry) => walk(entry, "")))).flat());
    else emit(Array.from(event.dataTransfer.files, (file) => ({path: file.name, blob: file})));
  });
  return zone;
}

/** a dropped folder's files, recursively, with their paths */
async function walk(entry, prefix) {
  const path = prefix + entry.name;
  if (entry.isFile) return [{path, blob: await new Promise((resolve, reject) => entry.file(resolve, reject))}];
  const reader = entry.createReader();
  const children = [];
  // readEntries returns at most 100 entries per call
  for (let batch = await readBatch(reader); batch.length; batch = await readBatch(reader)) children.push(...batch);
  return (await Promise.all(children.map((child) => walk(child, `${path}/`)))).flat();
}

function readBatch(reader) {
  return new Promise((resolve, reject) => reader.readEntries(resolve, reject));
}

/** the quarter of a date as YYYYQn (the period of files dropped without a period folder) */
export function quarterOf(date = new Date()) {
  return `${date.getFullYear()}Q${Math.floor(date.getMonth() / 3) + 1}`;
}
