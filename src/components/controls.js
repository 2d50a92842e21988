// Plain DOM inputs (Framework's Inputs would be fetched from a CDN). Each returns an element with a
// `value` that fires "input", so a page can use it with view().
import {html} from "htl";

export function select(options, {label, value, format = String} = {}) {
  const input = html`<select>${options.map((option) => html`<option value=${String(option)}>${format(option)}</option>`)}</select>`;
  if (value !== undefined) input.value = String(value);
  const form = html`<label class="jh-control">${label ? html`<span>${label} </span>` : null}${input}</label>`;
  const byText = new Map(options.map((option) => [String(option), option]));
  Object.defineProperty(form, "value", {get: () => byText.get(input.value)});
  input.addEventListener("change", () => form.dispatchEvent(new Event("input", {bubbles: true})));
  input.addEventListener("input", (event) => event.stopPropagation());
  return form;
}

export function search({label, placeholder} = {}) {
  const input = html`<input type="search" placeholder=${placeholder ?? ""} autocomplete="off">`;
  const form = html`<label class="jh-control">${label ? html`<span>${label} </span>` : null}${input}</label>`;
  Object.defineProperty(form, "value", {get: () => input.value.trim()});
  return form;
}

export function controls(...inputs) {
  return html`<div class="jh-controls">${inputs}</div>`;
}
