// The methodology page (src/methodology.md): the suppression rule, each published table's definition (the
// text beside its SQL, pipelines/models/marts/<table>.md, in the page's language), the settings, the input
// contract and the run record. Names a researcher needs (columns, tables, settings, codes) are marked as
// code — `name` in texts, `code: true` in tables — and always stand beside words that say what they are.
import {formats, wording} from "../wording/index.js";
import methodologyWording from "../wording/methodology.js";

const {column, has, label, t} = wording(methodologyWording);

/**
 * One language's part of a mart's bilingual text ("# table", "## 中文：title …", "## English: title …"):
 * its title without the language tag, and its body with the names in it marked as code.
 */
export function martText(source, lang) {
  const [head, ...sections] = source.split(/^(?=## )/m);
  const table = /^#\s+(\S+)/m.exec(head)?.[1] ?? "";
  const chinese = sections.find((section) => /^## 中文/.test(section));
  // the section headed in the page's language ("## 中文…" or "## English…"), else whichever there is
  const section = sections.find((section) => section.startsWith(`## ${t(lang, "methodology.section")}`)) ?? chinese ?? sections[0];
  if (!section) return {table, title: table, body: markCode(head.replace(/^#\s+\S+\s*$/m, "").trim(), {words: false})};
  const [heading, ...lines] = section.split("\n");
  const title = heading.replace(/^##\s*[^:：]*[:：]\s*/, "").trim() || table;
  // in a Chinese text every Latin lower-case word is a name (gap, all, above); in an English one only
  // snake_case names and file paths are
  return {table, title, body: markCode(lines.join("\n").trim(), {words: section === chinese})};
}

const NAME = /(?<![\w])(?:[\w-]+\/[\w./-]+\.md|[a-z][a-z0-9]*(?:_[a-z0-9]+)+|[a-z]{2,})(?![\w])/g;

/** `text` with published names (snake_case, docs/….md, and with `words` any lower-case word) in backticks */
export function markCode(text, {words}) {
  return text
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 ? part : part.replace(NAME, (name) => (words || /[_/]/.test(name) ? `\`${name}\`` : name))))
    .join("");
}

/**
 * @param {{methodology: Record<string, string>, contract: object, manifest: object}} tables the marts'
 *   texts, the input contract (src/data/contract.json) and the run's manifest
 * @param {object} config the published configuration
 * @param {"zh"|"en"} lang
 */
export function methodologyView({methodology, contract, manifest}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `methodology.${key}`, params);
  // every table here is the card's content: shown whole, long text wrapped
  const base = {lang, minN: config.min_n, full: true};
  const code = (name) => `\`${name}\``;

  const published = manifest.published.filter((info) => info.table !== "config");
  const texts = Object.fromEntries(Object.entries(methodology).map(([table, source]) => [table, martText(source, lang)]));
  // each published table's title: its definition's, else the catalogue's (a table that is no mart: revisions)
  const titles = Object.fromEntries(published.map(({table}) => [table, texts[table]?.title ?? (has(`methodology.table.${table}`) ? w(`table.${table}`) : table)]));
  const grainOf = (info) => {
    const grain = info.key.map((name) => column(lang, name)).join(" × ");
    // the manifest's grain (from the SQL's header) says whether the table has total rows ("all")
    return /rollups/.test(info.grain) ? w("metric.rollups", {grain}) : grain;
  };
  const metrics = Object.entries(texts).map(([table, text]) => {
    const info = published.find((p) => p.table === table);
    return {
      id: `m-${table}`,
      title: text.title,
      code: table,
      body: text.body,
      note: info ? w("metric.note", {grain: grainOf(info), key: code(info.key.join(", ")), rows: f.num(info.rows)}) : null
    };
  });

  const setting = (key, value, name = has(`methodology.setting.${key}`) ? w(`setting.${key}`) : key) => ({setting: key, label: name, value});
  const settings = [
    setting("region_name", config.region_name),
    setting("min_n", config.min_n),
    ...Object.entries(config.targets ?? {}).map(([key, value]) => setting(`targets.${key}`, value)),
    ...Object.entries(config.score_bands ?? {}).map(([key, value]) => setting(`score_bands.${key}`, value)),
    ...Object.entries(config.bundled ?? {}).map(([key, value]) => setting(`bundled.${key}`, value)),
    // the exchange basis: each choice in words (the code stays in the setting's name)
    ...Object.entries(config.exchange ?? {}).map(([key, value]) =>
      setting(`exchange.${key}`, typeof value === "boolean" ? t(lang, value ? "common.yes" : "common.no") : has(`methodology.exchange.${value}`) ? w(`exchange.${value}`) : value)
    ),
    ...Object.entries(config.indicator_thresholds ?? {}).flatMap(([section, values]) =>
      Object.entries(values).map(([indicator, value]) =>
        setting(`indicator_thresholds.${section}.${indicator}`, value, w("settings.threshold", {section: label(lang, "section", section), indicator: label(lang, "indicator", indicator)}))
      )
    )
  ];

  const domains = contract.domains;
  const typeOf = (spec) => {
    if (spec.domain) return w("type.enum", {values: Object.values(domains[spec.domain]?.values ?? {}).map((aliases) => aliases.join("/")).join(w("type.or"))});
    return w(spec.id ? "type.id" : `type.${spec.type}`);
  };
  // a key column in words: its header in the catalogue, else its first Chinese name
  const keyName = (file, name) => (has(`column.${name}`) ? column(lang, name) : (file.columns.find((spec) => spec.name === name)?.aliases?.[0] ?? name));
  const files = Object.entries(contract.files).map(([name, file]) => ({
    ...base,
    filename: `contract_${name}`,
    title: w("contract.file", {description: file.description[lang], file: `${name}.csv`}),
    takeaway: w(file.keyScope === "global" ? "contract.keyGlobal" : "contract.keyPeriod", {key: f.list(file.key.map((key) => keyName(file, key)))}),
    rows: file.columns,
    columns: [
      {name: "aliases", label: w("contract.aliases"), format: (x) => (x ?? []).join("、")},
      {name: "name", label: w("contract.name"), code: true},
      {name: "type", label: w("contract.type"), format: (_, spec) => typeOf(spec)},
      {name: "codes", label: w("contract.codes"), code: true, format: (_, spec) => (spec.domain ? Object.keys(domains[spec.domain]?.values ?? {}).join(" | ") : "")},
      {name: "required", label: w("contract.required"), format: (x) => (x ? "✓" : "")},
      {name: "description", label: w("contract.description"), format: (x, spec) => `${x[lang]}${spec.private ? w("contract.private") : ""}`}
    ]
  }));

  const run = manifest.run;
  const stages = Object.entries(manifest.stages_ms ?? {});
  const seconds = (ms) => w("run.seconds", {s: f.num(ms / 1000, 1)});
  const stageName = (key) => {
    const stage = key.replace(/_ms$/, "");
    return has(`methodology.stage.${stage}`) ? w(`stage.${stage}`) : stage;
  };
  const keySource = run.pseudonym_key?.startsWith("demo") ? w("run.keyDemo") : run.pseudonym_key === "file" ? w("run.keyFile") : run.pseudonym_key?.startsWith("env") ? w("run.keyEnv") : (run.pseudonym_key ?? "—");
  const periods = manifest.periods ?? [];
  const range = (n) => w("run.periodRange", {first: f.period(periods[0]), last: f.period(periods.at(-1)), n: f.num(n)});
  const runRows = [
    {item: w("run.version"), value: manifest.tool.version},
    {item: w("run.duckdb"), value: manifest.tool.duckdb},
    {item: t(lang, "common.asOf"), value: f.date(manifest.as_of_date)},
    {item: w("run.periods"), value: periods.length ? range(periods.length) : "—"},
    {item: w("run.started"), value: f.dateTime(run.started_at)},
    {item: w("run.finished"), value: f.dateTime(run.finished_at)},
    {item: w("run.key"), value: keySource},
    ...stages.map(([key, ms]) => ({item: w("run.stage", {stage: stageName(key)}), value: seconds(ms)}))
  ];
  const totalMs = manifest.stages_ms?.total_ms ?? stages.reduce((sum, [, ms]) => sum + ms, 0);

  const fileRows = manifest.files ?? [];
  const sum = (key) => fileRows.reduce((s, row) => s + (row[key] ?? 0), 0);
  const reasons = Object.entries(manifest.rejects?.by_reason ?? {});
  const reasonName = (code) => contract.reasons?.[code]?.[lang] ?? code;
  const warnings = manifest.warnings ?? [];

  return {
    lang,
    title: w("title"),
    lead: w("lead"),
    titles,
    suppression: {id: "suppression", title: w("suppression.title"), body: w("suppression.text", {n: config.min_n})},
    disclosure: {id: "disclosure", title: w("disclosure.title"), body: w("disclosure.text", {n: config.min_n, k: config.editions?.public?.min_schools ?? 3})},
    metricsTitle: w("metrics"),
    metrics,
    settings: {
      ...base,
      filename: "settings",
      title: w("settings.title"),
      takeaway: w("settings.takeaway"),
      rows: settings,
      columns: [
        {name: "label", label: w("column.label")},
        {name: "value", label: w("column.value"), num: true},
        {name: "setting", label: w("column.setting"), code: true}
      ]
    },
    contractTitle: w("contract.title"),
    contractLead: w("contract.lead"),
    idRule: w("contract.idRule", {rule: contract.id_rule.description[lang], reason: reasonName("bad_id")}),
    files,
    runTitle: w("run.title"),
    run: {
      ...base,
      filename: "run_record",
      title: w("run.title"),
      takeaway: w("run.takeaway", {
        version: manifest.tool.version,
        finished: f.dateTime(run.finished_at),
        periods: f.num(periods.length),
        first: f.period(periods[0]),
        last: f.period(periods.at(-1)),
        seconds: f.num(totalMs / 1000, 1)
      }),
      rows: runRows,
      columns: [
        {name: "item", label: w("run.item")},
        {name: "value", label: w("column.value")}
      ]
    },
    published: {
      ...base,
      filename: "published_tables",
      title: w("published.title"),
      takeaway: w("published.takeaway", {n: f.num(published.length)}),
      rows: published,
      columns: [
        {name: "name", label: w("published.name"), format: (_, info) => titles[info.table] ?? info.table},
        {name: "table", label: t(lang, "column.table"), code: true},
        {name: "rows", num: true, format: f.num},
        {name: "grain", label: w("published.grain"), format: (_, info) => grainOf(info)}
      ]
    },
    read: {
      ...base,
      filename: "files_read",
      title: w("files.title"),
      takeaway: w("files.takeaway", {n: f.num(fileRows.length), rows: f.num(sum("rows_read")), loaded: f.num(sum("rows_loaded")), rejected: f.num(sum("rows_rejected"))}),
      rows: fileRows,
      columns: [
        {name: "name", label: t(lang, "column.file"), code: true},
        {name: "encoding", label: w("files.encoding")},
        {name: "rows_read", label: w("files.read"), num: true, format: f.num},
        {name: "rows_loaded", label: w("files.loaded"), num: true, format: f.num},
        {name: "rows_rejected", label: w("files.rejected"), num: true, format: f.num}
      ]
    },
    rejects: {
      ...base,
      filename: "warnings",
      title: w("rejects.title"),
      takeaway: f.sentences([
        reasons.length
          ? w("rejects.some", {n: f.num(manifest.rejects.total_rows), reasons: f.list(reasons.map(([code, n]) => w("rejects.reason", {reason: reasonName(code), n: f.num(n)})))})
          : w("rejects.none"),
        warnings.length ? w("warnings.some", {n: f.num(warnings.length)}) : w("warnings.none")
      ]),
      rows: warnings,
      columns: [
        {name: "period", label: t(lang, "column.period"), format: f.period},
        {name: "file", label: t(lang, "column.file"), code: true},
        {name: lang, label: w("warnings.message")}
      ]
    }
  };
}
