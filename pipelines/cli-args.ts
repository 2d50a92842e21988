// The command line's arguments: one parser for every command, one statement of the exit codes, and the
// "did you mean" for a mistyped command or option (pipelines/suggest.ts).
import {parseArgs, type ParseArgsConfig} from "node:util";
import {UsageError} from "./errors.js";
import {nearest} from "./suggest.js";

export type Values = Record<string, string | boolean | undefined>;

/** the one statement of the exit codes: every help text and the README say the same */
export const EXIT_CODES = `退出码 Exit codes: 0 成功 success · 1 可由使用者修正的问题（文件、配置、参数、拒绝率超限）a problem the user can fix (a file, the configuration, an argument, too many rejects) · 3 内部错误，请报告 an internal error: please report it`;

/** the commands, commonest first (a typo is matched to the nearest: "did you mean …") */
export const COMMANDS = ["run", "validate", "demo", "template", "report", "serve", "help"] as const;

/** an unknown command: the nearest one if it looks like a typo, and where the list is (exit 1) */
export function unknownCommand(command: string): UsageError {
  const guess = nearest(command, COMMANDS);
  return new UsageError(
    `未知命令 ${command}。${guess ? `是否要用 junheng ${guess}？` : ""}运行 junheng --help 查看全部命令。`,
    `unknown command ${command}.${guess ? ` Did you mean junheng ${guess}?` : ""} Run junheng --help for the commands.`
  );
}

/**
 * A command's options. A mistake is one short line per language — the option at fault, the nearest known
 * one when it looks like a typo, and where the full list is — never the whole help text in between. The
 * command's name is read from its help text's first line ("junheng run — …").
 */
export function parse(argv: string[], options: NonNullable<ParseArgsConfig["options"]>, help: string, positionals = false): {values: Values; positionals: string[]} {
  const command = /^junheng (\S+)/.exec(help)?.[1] ?? "";
  const helpHint = {zh: `运行 junheng ${command ? `${command} ` : ""}--help 查看全部选项。`, en: `Run junheng ${command ? `${command} ` : ""}--help for all options.`};
  try {
    const parsed = parseArgs({args: argv, options: {...options, help: {type: "boolean", short: "h"}}, allowPositionals: positionals, strict: true});
    return {values: parsed.values as Values, positionals: parsed.positionals};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = (error as Error).message;
    const option = /'(-[^' ]+)/.exec(message)?.[1] ?? "";
    if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
      const names = Object.keys(options).map((name) => `--${name}`);
      const guess = nearest(option.replace(/=.*$/, ""), names);
      throw new UsageError(
        `未知选项 ${option}。${guess ? `是否要用 ${guess}？` : ""}${helpHint.zh}`,
        `unknown option ${option}.${guess ? ` Did you mean ${guess}?` : ""} ${helpHint.en}`
      );
    }
    if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE") {
      const name = /--[\w-]+/.exec(message)?.[0] ?? option;
      const wantsValue = options[name.replace(/^--/, "")]?.type === "string";
      throw new UsageError(
        wantsValue ? `选项 ${name} 后面需要一个值。${helpHint.zh}` : `选项 ${name} 不带值。${helpHint.zh}`,
        wantsValue ? `option ${name} needs a value. ${helpHint.en}` : `option ${name} takes no value. ${helpHint.en}`
      );
    }
    if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
      const word = /'([^']*)'/.exec(message)?.[1] ?? "";
      throw new UsageError(`多余的参数 ${word}（选项以 -- 开头，如 --input）。${helpHint.zh}`, `unexpected argument ${word} (options start with --, e.g. --input). ${helpHint.en}`);
    }
    throw new UsageError(`参数有误：${message}。${helpHint.zh}`, `bad arguments: ${message}. ${helpHint.en}`);
  }
}

