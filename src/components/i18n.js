// The older page API over the wording catalogue (src/wording/): `const T = i18n(lang)`, then T.t("noData"),
// T.label("locality", "rural"), T.column("n_schools"), T.pct(x) … Pages not yet moved onto views use it;
// new code imports {t, label, column, formats} from "../wording/index.js" instead. T.t(key) reads
// "common.<key>".
import {column, formats, label, t} from "../wording/index.js";

export function i18n(lang = "zh") {
  return {
    ...formats(lang),
    t: (key, values = {}) => t(lang, `common.${key}`, values),
    /** the label of a published code: label("locality", "rural") → 乡村 / Rural */
    label: (kind, code) => label(lang, kind, code),
    column: (name) => column(lang, name)
  };
}
