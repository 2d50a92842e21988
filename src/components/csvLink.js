// A CSV download of rows the page does not show in full (the upload page's every reject): the same CSV rule
// as a card's download (toCsv), as a link to a Blob.
import {html} from "htl";
import {toCsv} from "./card.js";

/** @param {{rows: object[], columns: {name: string}[], filename: string, label: string, minN?: number}} spec */
export function csvLink({rows, columns, filename, label, minN}) {
  const href = URL.createObjectURL(new Blob([toCsv(rows, columns, minN)], {type: "text/csv;charset=utf-8"}));
  return html`<a class="jh-button jh-download" data-download=${filename} href=${href} download=${`${filename}.csv`}>${label}</a>`;
}
