// The overview's print button: lay the page out at the A4 text width, let the charts redraw for it
// (resize), then print; the layout is undone after printing.
import {html} from "htl";

export function printButton(label) {
  const button = html`<button type="button" class="jh-button">${label}</button>`;
  button.onclick = () => {
    document.documentElement.classList.add("jh-print-layout");
    setTimeout(() => window.print(), 400);
  };
  addEventListener("afterprint", () => document.documentElement.classList.remove("jh-print-layout"));
  return html`<div class="jh-actions">${button}</div>`;
}
