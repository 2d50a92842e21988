// Numbers, dates and periods as each language writes them. Views format a number before they put it in
// a sentence (t's placeholders take text); tables get the same functions as column formats.

export const LOCALES = {zh: "zh-CN", en: "en-GB"};

const cache = new Map();

/** formats("zh").pct(0.4429) → "44.3%"; formats("en").period("2025Q3") → "2025 Q3" */
export function formats(lang = "zh") {
  if (cache.has(lang)) return cache.get(lang);
  const locale = LOCALES[lang] ?? LOCALES.zh;
  const made = new Map();
  const cached = (key, make) => made.get(key) ?? made.set(key, make()).get(key);
  const fixed = (digits) => new Intl.NumberFormat(locale, {maximumFractionDigits: digits, minimumFractionDigits: digits});
  const missing = (x) => x == null || Number.isNaN(x);
  // also handed to tables as (value, row) => string: a non-number second argument is ignored
  const d = (digits, fallback) => (typeof digits === "number" ? digits : fallback);
  const f = {
    lang,
    locale,
    /** 0.4429 → 44.3% */
    pct: (x, digits) => {
      digits = d(digits, 1);
      if (missing(x)) return "—";
      const options = {style: "percent", minimumFractionDigits: digits, maximumFractionDigits: digits};
      return cached(`p${digits}`, () => new Intl.NumberFormat(locale, options)).format(x);
    },
    /** a difference of two shares in percentage points, without the unit: 0.087 → 8.7 */
    pp: (x, digits) => (missing(x) ? "—" : f.num(x * 100, d(digits, 1))),
    num: (x, digits) => (missing(x) ? "—" : cached(`n${d(digits, 0)}`, () => fixed(d(digits, 0))).format(x)),
    /** signed, for gaps: +0.12 / −0.05 */
    signed: (x, digits) => {
      digits = d(digits, 2);
      if (missing(x)) return "—";
      const options = {signDisplay: "exceptZero", minimumFractionDigits: digits, maximumFractionDigits: digits};
      return cached(`s${digits}`, () => new Intl.NumberFormat(locale, options)).format(x);
    },
    date: (x) => {
      if (x == null) return "—";
      const date = x instanceof Date ? x : new Date(x);
      if (Number.isNaN(+date)) return String(x);
      const options = {year: "numeric", month: "long", day: "numeric", timeZone: "UTC"};
      return cached("d", () => new Intl.DateTimeFormat(locale, options)).format(date);
    },
    dateTime: (x) => {
      if (x == null) return "—";
      return cached("dt", () => new Intl.DateTimeFormat(locale, {dateStyle: "medium", timeStyle: "short"})).format(new Date(x));
    },
    /** a month, for time axes: 2025年1月 / Jan 2025 */
    month: (x) => {
      if (x == null) return "—";
      const options = {year: "numeric", month: "short", timeZone: "UTC"};
      return cached("m", () => new Intl.DateTimeFormat(locale, options)).format(x instanceof Date ? x : new Date(x));
    },
    /** ["中职", "特殊教育"] → 中职和特殊教育 / Vocational and Special education */
    list: (items) => cached("l", () => new Intl.ListFormat(locale, {type: "conjunction"})).format(items),
    /** a label inside a sentence: English lower-cases its first letter (Primary → primary), Chinese is unchanged */
    inSentence: (text) => (lang === "en" ? text.charAt(0).toLowerCase() + text.slice(1) : text),
    /** sentences one after another: Chinese runs them on, English puts a space between */
    sentences: (items) => items.filter(Boolean).join(lang === "en" ? " " : ""),
    /** 2025Q3 → 2025年第3季度 / 2025 Q3 */
    period: (p) => {
      const m = /^(\d{4})Q([1-4])$/.exec(p ?? "");
      if (!m) return p ?? "";
      return lang === "en" ? `${m[1]} Q${m[2]}` : `${m[1]}年第${m[2]}季度`;
    }
  };
  cache.set(lang, f);
  return f;
}
