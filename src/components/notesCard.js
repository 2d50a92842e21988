// A card of plain sentences under a title (what a measure cannot tell): no chart, no table.
import {html} from "htl";

/** @param {{title: string, items: string[]}} spec */
export function notesCard({title, items}) {
  return html`<section class="card jh-card"><h2>${title}</h2><ul>${items.map((item) => html`<li>${item}</li>`)}</ul></section>`;
}
