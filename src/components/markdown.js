// A small renderer for the methodology texts beside each mart (headings, bullets, bold, inline code,
// paragraphs): Framework's own `md` would be fetched from a CDN. Text is escaped before formatting.
import {html} from "htl";

const escape = (text) => text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]);
const inline = (text) => escape(text).replace(/`([^`]+)`/g, "<code>$1</code>").replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");

export function markdown(source, {headingOffset = 1} = {}) {
  const out = [];
  let list = false;
  for (const line of source.split(/\r?\n/)) {
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const item = /^\s*[-*]\s+(.*)$/.exec(line);
    if (!item && list) (out.push("</ul>"), (list = false));
    if (heading) {
      const level = Math.min(6, heading[1].length + headingOffset);
      out.push(`<h${level}>${inline(heading[2])}</h${level}>`);
    } else if (item) {
      if (!list) (out.push("<ul>"), (list = true));
      out.push(`<li>${inline(item[1])}</li>`);
    } else if (line.trim()) {
      out.push(`<p>${inline(line)}</p>`);
    }
  }
  if (list) out.push("</ul>");
  const div = document.createElement("div");
  div.className = "jh-md";
  div.innerHTML = out.join("\n");
  return div;
}

/**
 * A card of text (a view's {id, title, code?, body, note?}; body and note in this small markdown): the
 * methodology's rule and metric definitions. `code` is a published name shown beside the title.
 */
export function textCard({id, title, code, body, note}) {
  return html`<section class="card jh-card" id=${id}>
    <h2>${title}${code ? html` <code class="jh-name">${code}</code>` : null}</h2>
    ${markdown(body)}
    ${note ? html`<div class="jh-note">${markdown(note)}</div>` : null}
  </section>`;
}
