// The teacher exchange page (src/teachers.md): for a chosen school year, each county's and group's exchange
// rate and backbone share against their targets, and the flows between urban, town and rural schools and
// between lead and member schools (their sums and directions are worked out here, not in the page).
import {GREYS, LOCALITY_COLORS, ROLE_COLORS, STATUS_COLORS} from "../components/colors.js";
import {formats, wording} from "../wording/index.js";
import teachersWording from "../wording/teachers.js";
import {byOrder, LOCALITY_ORDER} from "./order.js";

const {label, t} = wording(teachersWording);

/** lead and member schools, then schools in no group */
export const ROLE_ORDER = ["lead", "member", "none"];

/**
 * A school's role in an exchange flow (a row per sending and receiving section, 学部): as published (the shared
 * group's role when both sections are in one group, else the section's main group's), "member" when it is in a
 * group with no role given, "none" when it is in no group.
 */
export function flowRole(row, side) {
  return row[`${side}_group_id`] == null ? "none" : (row[`${side}_role`] ?? "member");
}

/** flows summed by the sending and receiving category `keyOf(row, side)`, in `order` (from, then to) */
export function sumFlows(flows, keyOf, order) {
  const totals = new Map();
  for (const row of flows) {
    const from = keyOf(row, "from");
    const to = keyOf(row, "to");
    const key = `${from}\u0000${to}`;
    totals.set(key, {from, to, n: (totals.get(key)?.n ?? 0) + row.n_teachers});
  }
  const rank = byOrder("code", order);
  return [...totals.values()].sort((a, b) => rank({code: a.from}, {code: b.from}) || rank({code: a.to}, {code: b.to}));
}

const total = (flows, where = () => true) => flows.filter(where).reduce((sum, flow) => sum + flow.n, 0);

/**
 * @param {{exchange: object[], flows: object[], groups: {group_id: string, group_name: string}[]}} tables
 *   the published teacher_exchange and exchange_flows rows, and the groups' names
 * @param {{min_n: number, targets: {exchange_rate: number, exchange_backbone_share: number, exchange_urban_rural?: number},
 *   exchange?: {denominator: string, scope: string, include_shadow: boolean, schools: string, urban_rural_denominator: string}}} config
 *   the published configuration; `exchange` is the basis of the rates (older configs without it: the national rule)
 * @param {"zh"|"en"} lang
 * @returns the page's texts, the school years (latest first) and `at(year)` for the cards
 */
export function teachersView({exchange, flows, groups}, config, lang) {
  const f = formats(lang);
  const w = (key, params) => t(lang, `teachers.${key}`, params);
  const base = {lang, minN: config.min_n};
  const target = config.targets.exchange_rate;
  const backboneTarget = config.targets.exchange_backbone_share;
  const urbanRuralTarget = config.targets.exchange_urban_rural ?? 0.15;
  const basis = {denominator: "eligible", scope: "any", include_shadow: false, schools: "compulsory_public", urban_rural_denominator: "eligible", ...config.exchange};
  // the basis in words: what the rate divides by, which exchanges count, which schools
  const basisText = w("basis", {
    denominator: w(`basis.denominator.${basis.denominator}`),
    scope: w(`basis.scope.${basis.scope}`),
    shadow: w(`basis.shadow.${basis.include_shadow ? "in" : "out"}`),
    schools: w(`basis.schools.${basis.schools}`)
  });
  const targetPct = (x) => f.pct(x, 0);
  const groupName = new Map(groups.map((g) => [g.group_id, g.group_name]));
  // a flag that could not be decided (no base: no urban school, no eligible teacher) is empty, never "no"
  const yesNo = (x) => (x === null || x === undefined ? "—" : t(lang, x ? "common.yes" : "common.no"));
  const columns = [
    {name: "scope", format: (x) => label(lang, "scope", x)},
    {name: "name", label: t(lang, "column.scope_id")},
    {name: "n_eligible", num: true, format: f.num},
    {name: "n_full_time", num: true, format: f.num},
    {name: "n_exchanged", num: true, format: f.num},
    {name: "exchange_rate", num: true, format: f.pct},
    {name: "n_backbone_exchanged", num: true, format: f.num},
    {name: "backbone_share", num: true, format: f.pct},
    {name: "n_to_rural", num: true, format: f.num},
    {name: "n_urban_base", num: true, format: f.num},
    {name: "n_urban_to_rural", num: true, format: f.num},
    {name: "urban_rural_rate", num: true, format: f.pct},
    {name: "meets_rate", format: yesNo},
    {name: "meets_backbone", format: yesNo},
    {name: "meets_urban_rural", format: yesNo},
    {name: "eligibility_basis", format: (x) => label(lang, "eligibility_basis", x)}
  ];
  const legend = (goal) => [
    [w("met"), STATUS_COLORS.ok],
    [w("short"), STATUS_COLORS.short],
    [`${t(lang, "common.target")} ${targetPct(goal)}`, STATUS_COLORS.target, true]
  ];
  /** one bar per county and group: met or not against `goal`, the share written after the bar */
  const bars = (rows, key, goal) => ({
    data: rows.map((row) => ({
      key: row.name,
      value: row[key] ?? 0,
      color: (row[key] ?? 0) >= goal ? STATUS_COLORS.ok : STATUS_COLORS.short,
      text: f.pct(row[key]),
      title: `${row.name}: ${f.pct(row[key])}`
    })),
    options: {
      limit: goal,
      limitLabel: `${t(lang, "common.target")} ${targetPct(goal)}`,
      domain: [0, Math.max(goal * 1.5, ...rows.map((row) => row[key] ?? 0))],
      format: targetPct
    }
  });
  const flowOptions = (order, colors, labelOf, height) => ({
    order,
    colors,
    label: labelOf,
    numberFormat: f.num,
    leftTitle: w("sent"),
    rightTitle: w("received"),
    ...(height ? {height} : {})
  });

  const at = (year) => {
    // counties first, then groups; each by rate, highest first
    const scopeRows = exchange
      .filter((row) => row.school_year === year && (row.scope === "county" || row.scope === "group"))
      .map((row) => ({...row, name: row.scope === "group" ? (groupName.get(row.scope_id) ?? row.scope_id) : row.scope_id}))
      .sort((a, b) => (a.scope === b.scope ? (b.exchange_rate ?? 0) - (a.exchange_rate ?? 0) : a.scope === "county" ? -1 : 1));
    const groupRows = scopeRows.filter((row) => row.scope === "group");
    const lowest = groupRows.filter((row) => !row.meets_rate).sort((a, b) => (a.exchange_rate ?? 0) - (b.exchange_rate ?? 0))[0];
    const rateTakeaway = groupRows.length
      ? f.sentences([
          w("rate.groups", {year, n: f.num(groupRows.length), k: f.num(groupRows.filter((row) => row.meets_rate).length), target: targetPct(target)}),
          lowest ? w("rate.lowest", {group: lowest.name, rate: f.pct(lowest.exchange_rate ?? 0), pp: f.pp(target - (lowest.exchange_rate ?? 0))}) : ""
        ])
      : scopeRows.length
        ? w("rate.noGroups", {year})
        : t(lang, "common.noData");

    const withExchanges = scopeRows.filter((row) => row.n_exchanged > 0);
    // urban → rural: only counties and groups with urban schools have a base
    const withUrban = scopeRows.filter((row) => (row.n_urban_base ?? 0) > 0);

    const yearFlows = flows.filter((row) => row.school_year === year);
    const localityFlows = sumFlows(yearFlows, (row, side) => row[`${side}_locality`], LOCALITY_ORDER);
    const roleFlows = sumFlows(yearFlows, flowRole, ROLE_ORDER);
    const localityLabel = (code) => label(lang, "locality", code);
    const roleLabel = (code) => (code === "none" ? w("outside") : label(lang, "role", code));
    const noFlows = w("noFlows", {year});
    const flowCard = (name, flowsOf, labelOf, options) => ({
      ...base,
      filename: `exchange_flows_${name}_${year}`,
      rows: flowsOf.map((flow) => ({[`from_${name}`]: flow.from, [`to_${name}`]: flow.to, n_teachers: flow.n})),
      columns: [
        {name: `from_${name}`, format: labelOf},
        {name: `to_${name}`, format: labelOf},
        {name: "n_teachers", num: true, format: f.num}
      ],
      ...(flowsOf.length ? {data: flowsOf, options} : {})
    });

    return {
      rate: {
        ...base,
        filename: `teacher_exchange_${year}`,
        title: w("rate.title"),
        takeaway: rateTakeaway,
        legend: legend(target),
        rows: scopeRows,
        columns,
        ...(scopeRows.length ? bars(scopeRows, "exchange_rate", target) : {})
      },
      backbone: {
        ...base,
        filename: `teacher_exchange_backbone_${year}`,
        title: w("backbone.title"),
        takeaway: withExchanges.length
          ? w("backbone.takeaway", {n: f.num(withExchanges.length), k: f.num(withExchanges.filter((row) => row.meets_backbone).length), target: targetPct(backboneTarget)})
          : w("backbone.none", {year}),
        legend: legend(backboneTarget),
        rows: withExchanges,
        columns,
        ...(withExchanges.length ? bars(withExchanges, "backbone_share", backboneTarget) : {})
      },
      urbanRural: {
        ...base,
        filename: `teacher_exchange_urban_rural_${year}`,
        title: w("urbanRural.title"),
        takeaway: withUrban.length
          ? w("urbanRural.takeaway", {
              year,
              n: f.num(withUrban.length),
              k: f.num(withUrban.filter((row) => row.meets_urban_rural).length),
              target: targetPct(urbanRuralTarget),
              base: w(`basis.urbanBase.${basis.urban_rural_denominator}`)
            })
          : w("urbanRural.none", {year}),
        legend: legend(urbanRuralTarget),
        rows: withUrban,
        columns,
        ...(withUrban.length ? bars(withUrban, "urban_rural_rate", urbanRuralTarget) : {})
      },
      locality: {
        ...flowCard("locality", localityFlows, localityLabel, flowOptions(LOCALITY_ORDER, LOCALITY_COLORS, localityLabel)),
        title: w("locality.title"),
        takeaway: localityFlows.length
          ? w("locality.takeaway", {
              year,
              total: f.num(total(localityFlows)),
              down: f.num(total(localityFlows, (flow) => flow.from === "urban" && flow.to !== "urban")),
              up: f.num(total(localityFlows, (flow) => flow.from !== "urban" && flow.to === "urban"))
            })
          : noFlows
      },
      role: {
        ...flowCard("role", roleFlows, roleLabel, flowOptions(ROLE_ORDER, {...ROLE_COLORS, none: GREYS.none}, roleLabel, 260)),
        title: w("role.title"),
        takeaway: roleFlows.length
          ? w("role.takeaway", {
              year,
              down: f.num(total(roleFlows, (flow) => flow.from === "lead" && flow.to === "member")),
              up: f.num(total(roleFlows, (flow) => flow.from === "member" && flow.to === "lead")),
              among: f.num(total(roleFlows, (flow) => flow.from === "member" && flow.to === "member"))
            })
          : noFlows,
        note: w("role.note")
      }
    };
  };

  const years = [...new Set(exchange.map((row) => row.school_year))].sort().reverse();
  return {
    lang,
    title: w("title"),
    lead: w("lead", {target: targetPct(target), backbone: targetPct(backboneTarget), basis: basisText}),
    years,
    yearLabel: t(lang, "common.schoolYear"),
    at
  };
}
