// Observable Framework configuration for the public dashboards (issue 5). Everything the pages read is
// copied into src/data by pipelines/site/prepare.ts; nothing is fetched from the network at build or run
// time (no Google Fonts, no CDN: globalStylesheets is empty and every import is a bare node_modules one).
import {existsSync, readFileSync} from "node:fs";
import {GROUP_TEMPLATE, PAGES, PAGE_TITLES, SCHOOL_TEMPLATE} from "./pipelines/site/pages.js";
import {t} from "./src/wording/all.js";

type Lang = "zh" | "en";

const config = readJson<{region_name?: string}>("src/data/config.json") ?? {};
// the group and school pages: Framework builds one of each, for the template id, when there are groups or
// schools; pipelines/site/stamp-pages.ts writes every group's and school's page from it after the build
const hasGroups = existsSync(new URL(`src/data/groups/${GROUP_TEMPLATE}.json`, import.meta.url));
const hasSchools = existsSync(new URL(`src/data/schools/${SCHOOL_TEMPLATE}.json`, import.meta.url));
const manifest = readJson<{edition?: string; run?: {pseudonym_key?: string}; as_of_date?: string}>("src/data/manifest.json");
const isDemo = /demo/i.test(manifest?.run?.pseudonym_key ?? "");
// the edition prepared in src/data (docs/editions.md): every page says which it is, and the internal one is
// built into its own folder (pipelines/site/out-dir.ts siteDist follows the same rule)
const edition: "public" | "internal" = manifest?.edition === "internal" ? "internal" : "public";

function readJson<T>(path: string): T | undefined {
  const url = new URL(path, import.meta.url);
  return existsSync(url) ? (JSON.parse(readFileSync(url, "utf8")) as T) : undefined;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})[c]!);
}

function langOf(path: string): Lang {
  return path.startsWith("/en/") || path === "/en" ? "en" : "zh";
}

/** the same page in the other language */
function counterpart(path: string): string {
  return langOf(path) === "en" ? path.replace(/^\/en/, "") || "/" : `/en${path}`;
}

function header({path}: {path: string}): string {
  const lang = langOf(path);
  const prefix = lang === "en" ? "/en/" : "/";
  const current = path.replace(/^\/en\//, "/").replace(/^\//, "") || "index";
  const links = PAGES.map((page) => {
    const href = page === "index" ? prefix + "index" : prefix + page;
    const active = current === page || (page === "groups" && current.startsWith("groups/")) || (page === "schools" && current.startsWith("schools/"));
    return `<a href="${href}"${active ? ' aria-current="page"' : ""}>${escape((PAGE_TITLES as Record<string, Record<Lang, string>>)[page]![lang])}</a>`;
  }).join("");
  const region = config.region_name ? escape(config.region_name) : "";
  const badge = `<span class="jh-edition" data-edition="${edition}">${escape(t(lang, edition === "internal" ? "site.edition.internalBadge" : "site.edition.public"))}</span>`;
  return `<div class="jh-masthead"><a class="jh-brand" href="${prefix}index"><span class="jh-mark">均衡</span><span>${region}${region ? " · " : ""}${escape(t(lang, "site.name"))}</span></a>`
    + badge
    + `<a class="jh-lang" href="${counterpart(path)}" hreflang="${lang === "en" ? "zh-CN" : "en"}" lang="${lang === "en" ? "zh-CN" : "en"}">${t(lang, "site.otherLanguage")}</a></div>`
    + `<nav class="jh-nav" aria-label="${t(lang, "site.nav")}">${links}</nav>`;
}

/**
 * Opened from disk (file://), a page's module scripts and data are refused by the browser and it would
 * show spinners for ever: this classic inline script (allowed by its hash, pipelines/site/csp.ts) puts a
 * notice first in the page saying how to serve the site (junheng serve, pipelines/serve.ts).
 */
function fromDiskNotice(lang: Lang): string {
  const dir = edition === "internal" ? "dist-internal" : "dist";
  const title = JSON.stringify(t(lang, "site.fromDisk.title"));
  const body = JSON.stringify(t(lang, "site.fromDisk.body", {dir}));
  return `if(location.protocol==="file:")document.addEventListener("DOMContentLoaded",function(){`
    + `var d=document.createElement("div");d.className="jh-from-disk";d.setAttribute("role","alert");`
    + `var h=document.createElement("strong");h.textContent=${title};var p=document.createElement("p");p.textContent=${body};`
    + `d.append(h,p);document.body.prepend(d);document.documentElement.classList.add("jh-on-disk")})`;
}

function footer({path}: {path: string}): string {
  const lang = langOf(path);
  const parts = [
    `<strong data-edition="${edition}">${escape(t(lang, `site.footer.${edition}`))}</strong>`,
    isDemo ? `<strong>${escape(t(lang, "site.footer.demo"))}</strong>` : "",
    manifest?.as_of_date ? escape(t(lang, "site.footer.asOf", {date: manifest.as_of_date})) : "",
    escape(t(lang, "site.footer.tool"))
  ];
  // Chinese sentences follow each other with no space
  return `<p class="jh-footer">${parts.filter(Boolean).join(lang === "en" ? " " : "")}</p>`;
}

export default {
  title: "均衡 Junheng",
  root: "src",
  output: edition === "internal" ? "dist-internal" : "dist",
  // plain .html links: an intranet static server needs no rewrite rules
  preserveExtension: true,
  preserveIndex: true,
  sidebar: false,
  toc: false,
  pager: false,
  search: false,
  // the default global stylesheet loads Google Fonts; the site uses a system CJK font stack instead
  globalStylesheets: [],
  style: "style.css",
  header,
  footer,
  // Framework writes <html> with no lang: set the page's language first thing (CJK glyph choice, screen
  // readers), and let phone users zoom (Framework's viewport has maximum-scale=1)
  head: ({path}: {path: string}) =>
    `<meta name="color-scheme" content="light"><link rel="icon" href="data:,"><script>document.documentElement.lang=${JSON.stringify(langOf(path) === "en" ? "en" : "zh-CN")};`
    + `document.querySelector('meta[name="viewport"]')?.setAttribute("content","width=device-width, initial-scale=1");`
    + fromDiskNotice(langOf(path))
    + `</script>`,
  dynamicPaths: [
    ...(hasGroups ? [`/groups/${GROUP_TEMPLATE}`, `/en/groups/${GROUP_TEMPLATE}`] : []),
    ...(hasSchools ? [`/schools/${SCHOOL_TEMPLATE}`, `/en/schools/${SCHOOL_TEMPLATE}`] : [])
  ]
};
