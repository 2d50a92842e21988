// A link to download one of the edition's published files (src/data/files.js): the methodology page's
// "every revision" under the first lines it lists.
import {html} from "htl";

/** @param {{href: string | undefined, label: string, filename: string}} spec; nothing when the edition lacks the file */
export function downloadLink({href, label, filename}) {
  if (!href) return html`<span></span>`;
  return html`<div class="jh-actions"><a class="jh-button jh-download" data-download=${filename} href=${href} download=${`${filename}.csv`}>${label}</a></div>`;
}
