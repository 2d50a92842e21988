// What the quarterly report says, from one edition's published tables: the summary as sentences, the
// indicator table, the charts, the groups and schools that lag, a note on the data and the methodology annex.
// Every figure is read by column name from a published table; a column or table the edition (or an older
// or newer headline) does not have leaves its sentence or section out rather than stopping the report.
// "Target met" follows src/views/targets.js (the site's rule): a share at or above its target, a
// coefficient at or below its limit; the pipeline may not import the site, so the rule is written here too.
import {readFileSync, existsSync} from "node:fs";
import {fileURLToPath} from "node:url";
import {barChart, COLORS, lineChart, openChartFont, toPng, type Chart} from "./charts.js";
import type {FontFace} from "./fonts.js";
import type {Block, ReportDocument} from "./model.js";
import type {ReportInput, Row} from "./data.js";

const MARTS = fileURLToPath(new URL("../models/marts/", import.meta.url));

// ---- Chinese formats -------------------------------------------------------------------------------

const DIGITS = "〇一二三四五六七八九";
const QUARTERS = ["一", "二", "三", "四"];

/** 2026-11-30 → 二〇二六年十一月三十日 (成文日期, GB/T 9704) */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const small = (n: number) => (n < 10 ? DIGITS[n]! : n === 10 ? "十" : n < 20 ? `十${DIGITS[n % 10]}` : `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ""}`);
  return `${[...String(y)].map((c) => DIGITS[Number(c)]).join("")}年${small(m)}月${small(d)}日`;
}

/** 2026Q3 → 2026年第三季度 */
export function periodName(period: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(period);
  return m ? `${m[1]}年第${QUARTERS[Number(m[2]) - 1]}季度` : period;
}

const periodShort = (period: string) => period.replace(/^\d\d(\d\d)Q(\d)$/, "$1年$2季度");
const pct = (x: number, digits = 1) => `${(x * 100).toFixed(digits)}%`;
const pp = (x: number) => (Math.abs(x) * 100).toFixed(1);
const num = (x: number) => x.toLocaleString("zh-CN");
/** a decimal, with no "-0.00" */
const dec = (x: number, digits = 2) => (Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x).toFixed(digits);

/** a change in a share, in percentage points: 提高 2.3 个百分点 / 下降 … / 持平 */
function shareChange(now: number | null, before: number | null): string | null {
  if (now == null || before == null) return null;
  const d = now - before;
  if (Math.abs(d) < 0.0005) return "持平";
  return `${d > 0 ? "提高" : "下降"} ${pp(d)} 个百分点`;
}

/** a change in a coefficient or a gap (plain numbers): 上升 0.02 / 下降 … / 持平 */
const CHINESE_DIGITS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"];

/** 6 → 六年级 */
function gradeName(grade: number): string {
  return `${CHINESE_DIGITS[grade] ?? grade}年级`;
}

function valueChange(now: number | null, before: number | null, [up, down] = ["上升", "下降"], digits = 2): string | null {
  if (now == null || before == null) return null;
  const d = now - before;
  if (Math.abs(d) < 0.5 * 10 ** -digits) return "持平";
  return `${d > 0 ? up : down} ${Math.abs(d).toFixed(digits)}`;
}

function countChange(now: number | null, before: number | null, unit: string): string | null {
  if (now == null || before == null) return null;
  const d = now - before;
  return d === 0 ? "持平" : `${d > 0 ? "增加" : "减少"} ${Math.abs(d)} ${unit}`;
}

const value = (row: Row | undefined, column: string): number | null => {
  const v = row?.[column];
  return typeof v === "number" && Number.isFinite(v) ? v : null;
};
const text = (row: Row | undefined, column: string): string | null => (typeof row?.[column] === "string" ? (row[column] as string) : null);
const has = (rows: Row[] | undefined, column: string) => !!rows?.length && column in rows[0]!;

const SECTION: Record<string, string> = {primary: "小学", junior: "初中", senior: "高中"};
const STAGE: Record<string, string> = {
  primary: "小学",
  junior: "初中",
  senior: "高中",
  nine_year: "九年一贯制",
  twelve_year: "十二年一贯制",
  complete_secondary: "完全中学",
  vocational: "中职",
  special: "特殊教育",
  kindergarten: "幼儿园"
};
const LOCALITY: Record<string, string> = {urban: "城区", town: "镇区", rural: "乡村"};
const GROUP_TYPE: Record<string, string> = {tight: "紧密型", loose: "松散型", alliance: "联盟型", through: "贯通型", community: "共同体", pairing: "结对帮带", other: "其他"};
const INDICATOR: Record<string, string> = {
  qualified_teachers_per_100: "学历达标教师",
  backbone_per_100: "骨干教师",
  pe_arts_per_100: "体艺教师",
  teaching_area_per_student: "教学用房",
  sports_area_per_student: "体育场馆",
  equipment_per_student: "仪器设备",
  multimedia_per_100: "多媒体教室"
};
const label = (map: Record<string, string>, code: unknown) => (typeof code === "string" ? (map[code] ?? code) : "");

// ---- the document ----------------------------------------------------------------------------------

export interface ContentOptions {
  /** 成文日期, YYYY-MM-DD */
  date: string;
  fonts: {sans: FontFace};
}

/** the issuer from config, else the region's 教育局 (a trailing "（示例数据）" stays last) */
export function issuerOf(config: ReportInput["config"]): string {
  if (config.report.issuer) return config.report.issuer;
  const region = config.region_name || "";
  const m = /^(.*?)(（[^）]*）)$/.exec(region);
  return m ? `${m[1]}教育局${m[2]}` : `${region}教育局`;
}

export function buildReport(input: ReportInput, options: ContentOptions): ReportDocument {
  const {config, manifest, tables} = input;
  const headline = (tables.headline ?? []).filter((row) => row.county === "all").sort((a, b) => String(a.period).localeCompare(String(b.period)));
  const now = headline.at(-1);
  const before = headline.at(-2);
  const base = headline[0];
  const period = String(now?.period ?? manifest.periods.at(-1) ?? "");
  const region = text(now, "region_name") || config.region_name || "";
  const targets = config.targets;
  const png = (chart: Chart) => ({png: toPng(chart), width: chart.width, height: chart.height});
  const font = openChartFont(options.fonts.sans);
  const blocks: Block[] = [];
  const cited = new Set<string>(["headline"]);

  // -- 一、总体情况: the summary, one sentence per target, each with its change since last quarter and the baseline
  const summary: string[] = [];
  // the baseline is named at its first mention ("比基期（2024年第三季度，下同）"), then "比基期"
  let baseNamed = false;
  const since = (_now: string | null, prev: string | null, first: string | null) => {
    const parts = [prev && before ? `比上季度${prev}` : null];
    if (first && base && before && base !== now) {
      parts.push(`比基期${baseNamed ? "" : `（${periodName(String(base.period))}，下同）`}${first}`);
      baseNamed = true;
    }
    return parts.filter(Boolean).join("，");
  };
  const coverageAll = (tables.coverage ?? []).find((row) => row.period === period && row.county === "all" && row.stage === "all" && row.locality === "all" && row.ownership === "all");
  const deadline = targets.coverage_deadline ? `${chineseDate(targets.coverage_deadline)}前` : "";
  const shareTarget = (share: number, target: number) =>
    share >= target ? `已达到${pct(target, 0)}的目标` : `距${deadline}达到${pct(target, 0)}的目标还差 ${pp(target - share)} 个百分点`;

  const schoolsShare = value(now, "share_schools_in_group") ?? value(coverageAll, "share_schools");
  if (schoolsShare != null) {
    cited.add("coverage");
    const counts = coverageAll ? `全区 ${num(value(coverageAll, "n_schools") ?? 0)} 所学校中有 ${num(value(coverageAll, "n_schools_in_group") ?? 0)} 所纳入集团化办学，` : "";
    const change = since(period, shareChange(schoolsShare, value(before, "share_schools_in_group")), shareChange(schoolsShare, value(base, "share_schools_in_group")));
    summary.push(`截至${chineseDate(manifest.as_of_date)}，${counts}学校覆盖率为 ${pct(schoolsShare)}${change ? `，${change}` : ""}；${shareTarget(schoolsShare, targets.coverage_share)}。`);
  }
  const studentsShare = value(now, "share_students_in_group") ?? value(coverageAll, "share_students");
  if (studentsShare != null) {
    const counts = coverageAll ? `纳入集团学校的在校生 ${num(value(coverageAll, "n_students_in_group") ?? 0)} 人，` : "在校生";
    const change = since(period, shareChange(studentsShare, value(before, "share_students_in_group")), shareChange(studentsShare, value(base, "share_students_in_group")));
    summary.push(`${counts}占全区在校生的 ${pct(studentsShare)}${change ? `，${change}` : ""}；${shareTarget(studentsShare, targets.coverage_share)}。`);
  }
  const year = text(now, "exchange_school_year");
  const exchangeRate = value(now, "exchange_rate");
  const exchangeCounties = (tables.teacher_exchange ?? []).filter((row) => row.scope === "county" && row.school_year === year);
  if (exchangeRate != null && year) {
    cited.add("teacher_exchange");
    // the base teacher_exchange used (config exchange.denominator): eligible teachers, or every full-time teacher
    const fullTime = exchangeCounties.some((r) => r.rate_denominator === "full_time");
    const eligible = exchangeCounties.reduce((s, r) => s + (value(r, fullTime ? "n_full_time" : "n_eligible") ?? 0), 0);
    const exchanged = exchangeCounties.reduce((s, r) => s + (value(r, "n_exchanged") ?? 0), 0);
    const backbone = exchangeCounties.reduce((s, r) => s + (value(r, "n_backbone_exchanged") ?? 0), 0);
    const counts = eligible ? `（${fullTime ? "专任教师" : "符合交流条件的教师"} ${num(eligible)} 名中交流 ${num(exchanged)} 名）` : "";
    const met = exchangeRate >= targets.exchange_rate ? `达到 ${pct(targets.exchange_rate, 0)} 的目标` : `低于 ${pct(targets.exchange_rate, 0)} 的目标 ${pp(targets.exchange_rate - exchangeRate)} 个百分点`;
    const change = since(period, shareChange(exchangeRate, value(before, "exchange_rate")), shareChange(exchangeRate, value(base, "exchange_rate")));
    const backboneShare = exchanged ? backbone / exchanged : null;
    const bb =
      backboneShare == null
        ? ""
        : `；交流教师中骨干教师占 ${pct(backboneShare)}，${backboneShare >= targets.exchange_backbone_share ? "达到" : "低于"} ${pct(targets.exchange_backbone_share, 0)} 的要求`;
    summary.push(`${year.replace("-", "—")} 学年教师交流轮岗比例为 ${pct(exchangeRate)}${counts}，${met}${change ? `，${change}` : ""}${bb}。`);
  }
  const cvP = value(now, "max_cv_primary");
  const cvJ = value(now, "max_cv_junior");
  if (cvP != null || cvJ != null) {
    cited.add("resource_cv");
    const part = (name: string, cv: number | null, limit: number, col: string) => {
      if (cv == null) return null;
      const change = since(period, valueChange(cv, value(before, col)), valueChange(cv, value(base, col)));
      return `${name} ${dec(cv)}（标准 ≤ ${dec(limit)}，${cv <= limit ? "达标" : `超出 ${dec(cv - limit)}`}${change ? `；${change}` : ""}）`;
    };
    const parts = [part("小学", cvP, targets.cv_primary, "max_cv_primary"), part("初中", cvJ, targets.cv_junior, "max_cv_junior")].filter(Boolean);
    const all = (cvP == null || cvP <= targets.cv_primary) && (cvJ == null || cvJ <= targets.cv_junior);
    summary.push(`校际资源配置差异系数（七项指标中的最大值）：${parts.join("，")}，${all ? "均在国家标准以内" : "未全部达到国家标准"}。`);
  }
  const compliant = value(now, "n_compliant_schools");
  const assessed = value(now, "n_schools_assessed");
  if (compliant != null && assessed) {
    cited.add("school_resources");
    const change = since(period, countChange(compliant, value(before, "n_compliant_schools"), "所"), countChange(compliant, value(base, "n_compliant_schools"), "所"));
    summary.push(`参评的 ${num(assessed)} 所学校中，七项资源配置指标达标的有 ${num(compliant)} 所（占 ${pct(compliant / assessed)}）${change ? `，${change}` : ""}。`);
  }
  // the urban–rural gap, compared only with a comparable exam (docs/metrics.md headline: district-wide, same grade,
  // same subjects) — never with the previous quarter's row, which repeats an earlier exam when there was none
  const gap = value(now, "urban_rural_gap");
  if (gap != null) {
    cited.add("urban_rural_gap");
    const examId = text(now, "gap_exam_id");
    const exam = (tables.exam_list ?? []).find((row) => row.exam_id === examId);
    const examName = text(now, "gap_exam_name") ?? (exam ? text(exam, "exam_name") : null);
    const examDate = text(now, "gap_exam_date");
    const grade = value(now, "gap_grade");
    const what = [examName, examDate ? chineseDate(examDate) : null, grade != null ? gradeName(grade) : null].filter(Boolean).join("，");
    const previousDate = text(now, "gap_previous_exam_date");
    const change = valueChange(gap, value(now, "gap_previous"), ["扩大", "缩小"]);
    const compared = change && previousDate ? `，比上次同类统考（${chineseDate(previousDate)}）${change}` : "";
    summary.push(`最近一次全区统考${what ? `（${what}）` : ""}城区与乡村学生的平均成绩差距为 ${dec(gap)} 个标准差${compared}（各科标准分之差的平均，未控制学生背景）。`);
  }

  // -- the lists of what lags, worked out before the summary's last sentence names how many
  const groups = new Map((tables.group_profile ?? []).filter((row) => row.period === period).map((row) => [String(row.group_id), row]));
  const groupName = (id: unknown) => text(groups.get(String(id)), "group_name") ?? String(id);
  const lagExchange = (tables.teacher_exchange ?? [])
    .filter((row) => row.scope === "group" && row.school_year === year && value(row, "exchange_rate") != null && value(row, "exchange_rate")! < targets.exchange_rate)
    .sort((a, b) => value(a, "exchange_rate")! - value(b, "exchange_rate")! || String(a.scope_id).localeCompare(String(b.scope_id)));
  const lagCv = (tables.resource_cv ?? [])
    .filter((row) => row.period === period && row.scope === "group" && row.meets === false)
    .sort((a, b) => value(b, "cv")! - value(a, "cv")!);
  const uncovered = (tables.uncovered_schools ?? []).filter((row) => row.period === period).sort((a, b) => (value(b, "n_students") ?? 0) - (value(a, "n_students") ?? 0));
  const resources = (tables.school_resources ?? []).filter((row) => row.period === period);
  const notCompliant = resources.filter((row) => row.is_compliant === false).sort((a, b) => (value(a, "n_met") ?? 0) - (value(b, "n_met") ?? 0) || String(a.school_name).localeCompare(String(b.school_name), "zh"));
  const exams = new Map((tables.exam_list ?? []).map((row) => [String(row.exam_id), row]));
  const examDate = (id: unknown) => text(exams.get(String(id)), "exam_date") ?? "";
  const va = tables.value_added_school;
  const latestVaExam = va?.length ? [...new Set(va.map((row) => String(row.exam_id)))].sort((a, b) => examDate(a).localeCompare(examDate(b)) || a.localeCompare(b)).at(-1) : undefined;
  const vaBelow = (va ?? []).filter((row) => row.exam_id === latestVaExam && row.band === "below").sort((a, b) => value(a, "va")! - value(b, "va")!);

  const lagParts = [
    lagExchange.length ? `${lagExchange.length} 个集团的教师交流比例低于目标` : null,
    lagCv.length ? `${new Set(lagCv.map((row) => row.scope_id)).size} 个集团有资源配置差异系数超出标准` : null,
    uncovered.length ? `${uncovered.length} 所学校尚未纳入集团` : null,
    notCompliant.length ? `${new Set(notCompliant.map((row) => row.school_id)).size} 所学校的资源配置指标未达标` : null,
    vaBelow.length ? `${vaBelow.length} 个学校学科的增值评价低于预期` : null
  ].filter(Boolean);
  if (lagParts.length) summary.push(`需要关注的是：${lagParts.join("，")}。名单见第三部分。`);

  blocks.push({kind: "heading", level: 1, text: "一、总体情况"});
  for (const sentence of summary) blocks.push({kind: "para", text: sentence});

  // -- 二、主要指标: the table and the charts
  blocks.push({kind: "pagebreak"});
  blocks.push({kind: "heading", level: 1, text: "二、主要指标完成情况"});
  const col = (label: string, width: number, align: "left" | "right" | "center" = "right") => ({label, width, align});
  const indicatorRows: string[][] = [];
  const indicator = (name: string, column: string, fmt: (x: number) => string, target: string, met: (x: number) => boolean) => {
    if (!headline.length || !(column in headline[0]!)) return;
    const v = value(now, column);
    const show = (row: Row | undefined) => (value(row, column) == null ? "—" : fmt(value(row, column)!));
    indicatorRows.push([name, show(now), show(before), show(base), target, v == null ? "—" : met(v) ? "达标" : "未达标"]);
  };
  indicator("学校覆盖率", "share_schools_in_group", (x) => pct(x), `≥ ${pct(targets.coverage_share, 0)}`, (x) => x >= targets.coverage_share);
  indicator("在校生覆盖率", "share_students_in_group", (x) => pct(x), `≥ ${pct(targets.coverage_share, 0)}`, (x) => x >= targets.coverage_share);
  indicator("教师交流轮岗比例", "exchange_rate", (x) => pct(x), `≥ ${pct(targets.exchange_rate, 0)}`, (x) => x >= targets.exchange_rate);
  indicator("差异系数最大值（小学）", "max_cv_primary", (x) => dec(x), `≤ ${dec(targets.cv_primary)}`, (x) => x <= targets.cv_primary);
  indicator("差异系数最大值（初中）", "max_cv_junior", (x) => dec(x), `≤ ${dec(targets.cv_junior)}`, (x) => x <= targets.cv_junior);
  if (has(headline, "n_compliant_schools")) {
    const show = (row: Row | undefined) => (value(row, "n_compliant_schools") == null ? "—" : `${value(row, "n_compliant_schools")}/${value(row, "n_schools_assessed") ?? "—"}`);
    indicatorRows.push(["资源配置达标学校（所）", show(now), show(before), show(base), "—", "—"]);
  }
  if (has(headline, "urban_rural_gap")) {
    // an earlier quarter's cell only when that quarter had a district-wide exam (gap_in_period): otherwise its row
    // repeats an older exam's gap
    const show = (row: Row | undefined, current = false) =>
      value(row, "urban_rural_gap") == null || (!current && row?.gap_in_period === false) ? "—" : dec(value(row, "urban_rural_gap")!);
    indicatorRows.push(["城乡成绩差距（标准差）", show(now, true), show(before), show(base), "—", "—"]);
  }
  if (indicatorRows.length) {
    blocks.push({
      kind: "table",
      caption: "表1  主要指标",
      columns: [col("指标", 3.2, "left"), col(`本季度\n${periodShort(period)}`, 1.3), col(before ? `上季度\n${periodShort(String(before.period))}` : "上季度", 1.3), col(base ? `基期\n${periodShort(String(base.period))}` : "基期", 1.3), col("目标", 1.1), col("完成情况", 1.1, "center")],
      rows: indicatorRows
    });
  }
  if (headline.length > 1 && schoolsShare != null) {
    blocks.push({
      kind: "chart",
      caption: "图1  集团化办学覆盖率（按学校和在校生）",
      ...png(
        lineChart({
          font,
          series: [
            {label: "学校覆盖率", color: COLORS.blue, points: headline.map((row) => ({x: String(row.period), y: value(row, "share_schools_in_group")}))},
            {label: "在校生覆盖率", color: COLORS.orange, points: headline.map((row) => ({x: String(row.period), y: value(row, "share_students_in_group")}))}
          ],
          targets: [{value: targets.coverage_share, label: `目标 ${pct(targets.coverage_share, 0)}`}],
          yDomain: [0, Math.max(1, targets.coverage_share)],
          yFormat: (y) => pct(y, 0),
          xFormat: periodShort
        })
      )
    });
  }
  const groupExchange = (tables.teacher_exchange ?? []).filter((row) => row.scope === "group" && row.school_year === year && value(row, "exchange_rate") != null);
  if (groupExchange.length) {
    const rows = [...groupExchange].sort((a, b) => value(a, "exchange_rate")! - value(b, "exchange_rate")!);
    blocks.push({
      kind: "chart",
      caption: `图2  ${year!.replace("-", "—")} 学年各集团教师交流轮岗比例`,
      note: "红色为低于目标的集团。",
      ...png(
        barChart({
          font,
          rows: rows.map((row) => ({label: groupName(row.scope_id), value: value(row, "exchange_rate")!, color: value(row, "exchange_rate")! < targets.exchange_rate ? COLORS.red : COLORS.blue})),
          target: {value: targets.exchange_rate, label: `目标 ${pct(targets.exchange_rate, 0)}`},
          format: (v) => pct(v, 1)
        })
      )
    });
  }
  // one line per grade of district-wide exam, a point only in a quarter that had one (as the overview draws it)
  const measured = headline.filter((row) => value(row, "urban_rural_gap") != null && row.gap_in_period !== false);
  const grades = [...new Set(measured.map((row) => value(row, "gap_grade")))].sort((a, b) => (a ?? 0) - (b ?? 0));
  if (measured.length > 1) {
    const palette = [COLORS.blue, COLORS.orange, COLORS.green, COLORS.grey];
    blocks.push({
      kind: "chart",
      caption: "图3  城区与乡村学生平均成绩差距（标准差）",
      note: "只比较同为全区统考、同一年级、同样科目的考试（同色连线）；集团联考不计入；没有全区统考的季度不画点。数值越小差距越小。",
      ...png(
        lineChart({
          font,
          series: grades.map((grade, i) => ({
            label: grade != null ? `${gradeName(grade)}全区统考` : "全区统考",
            color: palette[i % palette.length]!,
            points: headline.map((row) => ({x: String(row.period), y: measured.includes(row) && value(row, "gap_grade") === grade ? value(row, "urban_rural_gap") : null}))
          })),
          yFormat: (y) => dec(y, 1),
          xFormat: periodShort,
          height: 240
        })
      )
    });
  }

  // -- 三、需要关注的集团和学校
  blocks.push({kind: "pagebreak"});
  blocks.push({kind: "heading", level: 1, text: "三、需要关注的集团和学校"});
  let n = 0;
  const sub = (title: string) => blocks.push({kind: "heading", level: 2, text: `（${"一二三四五六七八九"[n++]}）${title}`});
  let tableNo = 2;
  const limit = 15;
  const more = (total: number, shown: number, where: string) => (total > shown ? `另有 ${total - shown} 项未列出，见${where}。` : undefined);
  if (year) {
    sub("教师交流轮岗比例低于目标的集团");
    if (!lagExchange.length) blocks.push({kind: "para", text: `${year.replace("-", "—")} 学年各集团的教师交流比例均达到 ${pct(targets.exchange_rate, 0)} 的目标。`});
    else
      blocks.push({
        kind: "table",
        caption: `表${tableNo++}  ${year.replace("-", "—")} 学年交流比例低于 ${pct(targets.exchange_rate, 0)} 的集团`,
        columns: [col("集团", 4.2, "left"), col("类型", 1.2, "center"), col(lagExchange[0]!.rate_denominator === "full_time" ? "专任教师" : "符合条件教师", 1.4), col("交流教师", 1.2), col("交流比例", 1.2), col("差距（百分点）", 1.4)],
        rows: lagExchange.map((row) => [
          groupName(row.scope_id),
          label(GROUP_TYPE, groups.get(String(row.scope_id))?.group_type),
          num(value(row, row.rate_denominator === "full_time" ? "n_full_time" : "n_eligible") ?? 0),
          num(value(row, "n_exchanged") ?? 0),
          pct(value(row, "exchange_rate")!),
          pp(targets.exchange_rate - value(row, "exchange_rate")!)
        ])
      });
  }
  if (tables.resource_cv) {
    sub("资源配置差异系数超出标准的集团");
    if (!lagCv.length) blocks.push({kind: "para", text: "本季度各集团的七项资源配置指标差异系数均在标准以内。"});
    else
      blocks.push({
        kind: "table",
        caption: `表${tableNo++}  差异系数超出标准的集团和指标`,
        columns: [col("集团", 4.2, "left"), col("学段", 1, "center"), col("指标", 1.8, "center"), col("学校数", 1), col("差异系数", 1.2), col("标准", 1)],
        rows: lagCv.slice(0, limit).map((row) => [groupName(row.scope_id), label(SECTION, row.section), label(INDICATOR, row.indicator), num(value(row, "n_schools") ?? 0), dec(value(row, "cv")!), `≤ ${dec(value(row, "threshold") ?? 0)}`]),
        note: more(lagCv.length, limit, "资源配置差异系数表（resource_cv）")
      });
  }
  if (tables.uncovered_schools) {
    cited.add("uncovered_schools");
    sub("尚未纳入集团的学校");
    if (!uncovered.length) blocks.push({kind: "para", text: "本季度全部学校均已纳入集团化办学。"});
    else
      blocks.push({
        kind: "table",
        caption: `表${tableNo++}  尚未纳入集团的学校（按在校生数）`,
        columns: [col("学校", 4.2, "left"), col("学段", 1.6, "center"), col("城乡", 1, "center"), col("在校生", 1.2), col("薄弱学校", 1.2, "center")],
        rows: uncovered.slice(0, limit).map((row) => [String(row.school_name ?? row.school_id), label(STAGE, row.stage), label(LOCALITY, row.locality), num(value(row, "n_students") ?? 0), row.is_weak === true ? "是" : ""]),
        note: more(uncovered.length, limit, "未纳入集团学校表（uncovered_schools）")
      });
  }
  if (tables.school_resources) {
    sub("资源配置指标未达标的学校");
    if (!notCompliant.length) blocks.push({kind: "para", text: "本季度参评学校的七项资源配置指标均达标。"});
    else {
      const thresholds = config.indicator_thresholds as Record<string, Record<string, number>>;
      const below = (row: Row) =>
        Object.keys(INDICATOR)
          .filter((key) => value(row, key) != null && value(row, key)! < (thresholds[String(row.section)]?.[key] ?? -Infinity))
          .map((key) => INDICATOR[key])
          .join("、");
      blocks.push({
        kind: "table",
        caption: `表${tableNo++}  资源配置指标未达标的学校（达标项数少的在前）`,
        columns: [col("学校", 3.6, "left"), col("学段", 0.9, "center"), col("达标项数", 1.1), col("未达标的指标", 4.4, "left")],
        rows: notCompliant.slice(0, limit).map((row) => [String(row.school_name ?? row.school_id), label(SECTION, row.section), `${value(row, "n_met") ?? "—"}/7`, below(row) || "—"]),
        note: `达标：七项中至少六项达到标准，其余一项不低于标准的 85%。${more(notCompliant.length, limit, "学校资源配置表（school_resources）") ?? ""}`
      });
    }
  }
  if (va) {
    cited.add("value_added_school");
    sub("增值评价低于预期的学校（内部）");
    const exam = exams.get(String(latestVaExam));
    if (!vaBelow.length) blocks.push({kind: "para", text: `最近一次增值评价${exam ? `（${text(exam, "exam_name")}）` : ""}中没有低于预期的学校。`});
    else
      blocks.push({
        kind: "table",
        caption: `表${tableNo++}  增值评价低于预期的学校`,
        columns: [col("学校", 3.8, "left"), col("科目", 1, "center"), col("学生数", 1), col("增值（标准差）", 1.5), col("95% 置信区间", 2.2, "center")],
        rows: vaBelow.map((row) => [String(row.school_name ?? row.school_id), String(row.subject ?? ""), num(value(row, "n_students") ?? 0), dec(value(row, "va")!), `${dec(value(row, "ci_low")!)} ～ ${dec(value(row, "ci_high")!)}`]),
        note: `${text(exam, "exam_name") ?? latestVaExam}。低于预期：置信区间上限小于 0。增值不是学校的因果效应，仅供内部研判。`
      });
  }
  const leftOut = manifest.left_out?.tables.map((item) => item.table) ?? [];
  if (leftOut.includes("exam_school") || leftOut.includes("value_added_school")) {
    blocks.push({kind: "para", text: "按照“考试结果不排名、不公布”的规定，本公开版不列出单个学校的考试成绩、“三率一分”和增值评价；考试结果只以区县、城乡和集团的汇总数据呈现。"});
  }

  // -- 四、数据说明
  blocks.push({kind: "heading", level: 1, text: "四、数据说明"});
  const periods = manifest.periods;
  blocks.push({
    kind: "para",
    text:
      `本报告由均衡（Junheng）根据${input.edition === "public" ? "公开版" : "内部版"}发布数据自动生成，数据期次为${periodName(periods[0] ?? period)}至${periodName(periods.at(-1) ?? period)}，` +
      `统计截止日为${chineseDate(manifest.as_of_date)}，数据生成于${chineseDate(manifest.run.finished_at.slice(0, 10))}。` +
      `学生数少于 ${config.min_n} 人的数值不予公布，并做了补充抑制，使其无法由其他公布数据推算。` +
      `学生和教师的编号在入库时已做假名化处理，任何发布表中均不含个人编号。`
  });

  // this quarter's revisions to earlier figures (docs/editions.md "Revisions"): the whole history is recomputed
  // each quarter, so a corrected old file changes figures already published; the report says which tables moved
  const revisions = manifest.revisions;
  if (revisions) {
    let text: string;
    if (revisions.first_release || !revisions.previous) text = "本期为首次发布，没有对以往数字的修订。";
    else {
      const since = revisions.previous.as_of_date ? `上次发布（数据截至${chineseDate(revisions.previous.as_of_date)}）` : "上次发布";
      const moved = Object.entries(revisions.by_table)
        .filter(([, counts]) => counts.earlier > 0)
        .sort(([a, x], [b, y]) => y.earlier - x.earlier || a.localeCompare(b))
        .map(([table, counts]) => `${methodology(table)?.title ?? table} ${num(counts.earlier)} 个`);
      const inputs = revisions.inputs.changed.length ? `；内容有变化的输入文件：${revisions.inputs.changed.join("、")}` : "";
      text = revisions.earlier === 0
        ? `与${since}相比，以往期次已公布的数字没有修订${inputs}。`
        : `与${since}相比，本期修订了以往期次已公布的数字 ${num(revisions.earlier)} 个：${moved.join("，")}${inputs}。每一处修订的旧值与新值见发布数据中的 revisions 表。`;
    }
    blocks.push({kind: "para", text: `本期对以往数字的修订：${text}`});
  }

  // -- 附件: the methodology of every table the report cites (its Chinese definition, from pipelines/models/marts/<table>.md)
  blocks.push({kind: "pagebreak"});
  blocks.push({kind: "heading", level: 1, text: "附件：指标方法说明"});
  for (const table of ["headline", "coverage", "uncovered_schools", "teacher_exchange", "resource_cv", "school_resources", "urban_rural_gap", "value_added_school"]) {
    if (!cited.has(table) || !tables[table]) continue;
    const doc = methodology(table);
    if (!doc) continue;
    blocks.push({kind: "heading", level: 2, text: doc.title});
    blocks.push({kind: "bullets", items: doc.items});
  }

  return {
    issuer: issuerOf(config),
    docNumber: config.report.doc_number ?? `〔${options.date.slice(0, 4)}〕号`,
    title: `关于${region}${periodName(period)}集团化办学均衡发展情况的报告`,
    date: chineseDate(options.date),
    editionLabel: input.edition === "public" ? "公开版" : "内部版 · 仅限内部使用，不得公开",
    blocks
  };
}

/** a mart's Chinese definition: "## 中文：标题" and its bullets, markup taken out */
export function methodology(table: string): {title: string; items: string[]} | null {
  const file = `${MARTS}${table}.md`;
  if (!existsSync(file)) return null;
  const source = readFileSync(file, "utf8");
  const m = /^## 中文[：:]\s*(.+)$([\s\S]*?)(?=^## |\s*$(?![\s\S]))/m.exec(source);
  if (!m) return null;
  const items = m[2]!
    .split("\n")
    .filter((line) => line.startsWith("- "))
    .map((line) => line.slice(2).replace(/\*\*/g, "").replace(/`/g, "").trim());
  return {title: m[1]!.trim(), items};
}
