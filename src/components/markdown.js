// A small renderer for the methodology texts beside each mart (headings, bullets, bold, inline code,
// paragraphs): Framework's own `md` would be fetched from a CDN. Text is escaped before formatting.
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

/** one language's half of a bilingual methodology text ("## 中文…" then "## English…") */
export function languageHalf(source, lang) {
  const [title, ...rest] = source.split(/^(?=## )/m);
  const sections = rest.filter((section) => (lang === "en" ? /^## English/.test(section) : !/^## English/.test(section)));
  return sections.length ? `${title}${sections.join("")}` : source;
}
