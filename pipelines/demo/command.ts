// `junheng demo`: argument parsing and progress output around generateDemo. Returns the exit code.
import {resolve} from "node:path";
import {EXIT_CODES, parse} from "../cli-args.js";
import {UsageError} from "../errors.js";
import {generateDemo} from "./generate.js";
import {PUBLIC_SCALES, type Scale} from "./model.js";

const HELP = `junheng demo — 生成示例数据（含预设真值） / generate demo input with planted truths

用法 Usage:
  junheng demo [--scale county|city|province] [--seed N] [--out DIR] [--counties N] [--messy]

  --scale   规模：county 区县（约 50 所学校，默认）· city 地市（约 1,000 所）· province 省（约 10,000 所）
            county (~50 schools, default) · city (~1,000) · province (~10,000 schools, ≥30M score rows)
  --seed    随机种子，默认 20241101；同一种子生成逐字节相同的文件
            random seed (default 20241101); the same seed writes byte-identical files
  --out     输出目录，默认 demo-out / output directory (default demo-out)
  --counties 复制多少个模板区县（每个 8 个集团），覆盖规模的默认值；例如 city --counties 38 得到 304 个集团
            replicate this many template counties (8 groups each) instead of the scale's own number;
            e.g. city --counties 38 gives 304 groups
  --messy   按真实导出的样子写出：GBK/BOM、CRLF、中文表头与取值、全角数字、年月日日期和少量坏行（见 messy.json）
            write the files the way real exports arrive: GBK or BOM, CRLF, Chinese headers and labels,
            full-width digits, 年月日 dates and a few broken rows (listed in messy.json)
  --help    显示本帮助 / show this help

输出目录中另有 JUNHENG_DEMO.json：声明数据为合成数据，并记录每个数据文件的 SHA-256。junheng run --demo-key
（公开的示例密钥）只接受带有此标记、且数据文件未改动的目录；复制整个目录没有问题，放入真实文件则会被拒绝。
The folder also gets JUNHENG_DEMO.json: a statement that the data are synthetic and each data file's SHA-256.
junheng run --demo-key (the public demo key) accepts only a folder with this marker and its data files unchanged;
a copy of the folder works, a real file dropped into it is refused.

所有数字均为合成数据。Every number written is synthetic.
${EXIT_CODES}
`;

export const DEFAULT_SEED = 20241101;

export async function runDemoCommand(argv: string[]): Promise<number> {
  const {values: given} = parse(
    argv,
    {scale: {type: "string"}, seed: {type: "string"}, out: {type: "string"}, messy: {type: "boolean"}, counties: {type: "string"}},
    HELP
  );
  const values = {
    scale: (given.scale as string | undefined) ?? "county",
    seed: (given.seed as string | undefined) ?? String(DEFAULT_SEED),
    out: (given.out as string | undefined) ?? "demo-out",
    messy: given.messy === true,
    counties: given.counties as string | undefined,
    help: given.help === true
  };
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const scale = values.scale as Scale;
  const seed = Number(values.seed);
  if (!(PUBLIC_SCALES as readonly string[]).includes(scale) && scale !== "tiny") {
    throw new UsageError(`未知规模 ${values.scale}（可选 county、city、province）`, `unknown scale ${values.scale} (county | city | province)`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new UsageError(`种子须为非负整数：${values.seed}`, `the seed must be a non-negative integer: ${values.seed}`);
  }
  const counties = values.counties === undefined ? undefined : Number(values.counties);
  if (counties !== undefined && (!Number.isSafeInteger(counties) || counties < 1 || counties > 1000)) {
    throw new UsageError(`区县数须为 1 到 1000 的整数：${values.counties}`, `--counties must be a whole number from 1 to 1000: ${values.counties}`);
  }
  try {
    const out = resolve(values.out);
    const summary = await generateDemo({scale, seed, out, messy: values.messy, counties, progress: (line) => console.log(`  ${line}`)});
    console.log(`已写出 wrote ${summary.files.length} files to ${out} in ${summary.seconds} s (所有数字均为合成数据 every number is synthetic)`);
    return 0;
  } catch (error) {
    console.error(`生成失败 generation failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
