/**
 * career-atlas build | serve | check | export | rules | schema. Exit codes: 0 fine, 1 errors in the
 * input (or, for serve, its port in use), 2 a command line the CLI does not understand. The one
 * module that writes to the terminal: the build and serve return or call back what they did.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { loadRoles, type LoadResult } from "./load.ts";
import { aliasesFor } from "./model/aliases.ts";
import { forPrinting, hasErrors, toDiagnostics } from "./model/diagnostics.ts";
import { roleJsonSchema } from "./model/role.ts";
import { RULES, ruleUrl, type RuleId } from "./model/rules.ts";
import type { SiteConfig } from "./config/schema.ts";
import { plural } from "./catalog/format.ts";
import { formatGithub, formatText } from "./report/format.ts";
import { forTerminal, jsonForTerminal } from "./model/terminal.ts";
import type { BuildOptions, BuildOutcome, Session } from "./site/build.ts";
import type { ServeOptions } from "./site/serve-session.ts";

interface Io {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>, positionals: string[], io: Io): Promise<number>;
}

const DEFAULT_INPUT = "seeds";

const FORCE_HELP =
  "  --force     replace an output folder that holds files Career Atlas did not write (never one that is or holds an input, or the working directory)";

const CONFIG_HELP =
  "  --config    the site configuration file (default: career-atlas.config.yaml, .yml or .json in the working directory, if any)\n  --base-url  the address the site is published at, e.g. https://example.org/atlas/ (overrides the configuration's baseUrl)";

const ALIASES_HELP = "  --config    the site configuration whose aliases merge roles and skills, as build does (default: the one in the working directory, if any)";

const COMMANDS: Record<string, Command> = {
  build: {
    summary: "build the site from role guides",
    usage: `career-atlas build [--input <dir>]... [--output <dir>] [--config <file>] [--base-url <url>] [--no-cache] [--force]\n\n  --no-cache  neither read nor write the build cache (node_modules/.cache/career-atlas, or CAREER_ATLAS_CACHE_DIR)\n${CONFIG_HELP}\n${FORCE_HELP}`,
    options: { input: { type: "string", multiple: true }, output: { type: "string" }, config: { type: "string" }, "base-url": { type: "string" }, "no-cache": { type: "boolean" }, force: { type: "boolean" } },
    async run(values, positionals, io) {
      const config = await siteConfig(values, io);
      if (!config) return 1;
      return runBuild({ inputs: inputsOf(values, positionals), output: String(values.output ?? "site"), cache: values["no-cache"] !== true, force: values.force === true, config, ...io });
    },
  },
  serve: {
    summary: "build, serve on localhost with live reload, rebuild on change",
    usage:
      `career-atlas serve [--input <dir>]... [--output <dir>] [--port <n>] [--config <file>] [--no-cache] [--force]\n\n  --no-cache  neither read nor write the build cache; the session still reuses, in memory, what it built\n  --config    the site configuration file (as for build; the preview is served at the root, whatever its baseUrl)\n${FORCE_HELP}`,
    options: { input: { type: "string", multiple: true }, output: { type: "string" }, port: { type: "string" }, config: { type: "string" }, "no-cache": { type: "boolean" }, force: { type: "boolean" } },
    async run(values, positionals, io) {
      const port = Number(values.port ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got "${values.port}"`);
      const loaded = await siteConfig(values, io);
      if (!loaded) return 1;
      // The preview is served at the root of 127.0.0.1: a path prefix would point every link elsewhere.
      const { baseUrl: _published, ...config } = loaded;
      const { PortInUseError } = await import("./site/serve.ts");
      try {
        return await runServe({ inputs: inputsOf(values, positionals), output: String(values.output ?? "site"), port, cache: values["no-cache"] !== true, force: values.force === true, config, ...io });
      } catch (error) {
        if (!(error instanceof PortInUseError)) throw error;
        io.stderr.write(`career-atlas serve: port ${error.port} is already in use; pick another with --port <n>, or --port 0 for any free port\n`);
        return 1;
      }
    },
  },
  check: {
    summary: "check role guides and print diagnostics",
    usage:
      `career-atlas check [paths...] [--format text|json|github] [--explain] [--config <file>]\n\n  --format    text: a line per diagnostic, file:line:column first (on stderr); json: every diagnostic as JSON; github: GitHub Actions annotations (both on stdout)\n  --explain   print, for every section, its line, what it was read as and why (the signals and their weights)\n${ALIASES_HELP}`,
    options: { format: { type: "string" }, explain: { type: "boolean" }, config: { type: "string" } },
    async run(values, positionals, io) {
      const format = formatOf(values, ["text", "json", "github"]);
      if (values.explain === true) {
        const { explainInputs } = await import("./explain.ts");
        io.stdout.write(await explainInputs(inputsOf({}, positionals)));
      }
      const loaded = await loadConfigured(values, positionals, io, "Check");
      if (!loaded) return 1;
      const { files } = loaded;
      if (format === "json") io.stdout.write(`${jsonForTerminal(JSON.stringify(toDiagnostics(files), null, 2))}\n`);
      else {
        const shown = forPrinting(files);
        if (format === "github") io.stdout.write(`${formatGithub(shown.files)}${shown.omitted.map((line) => `::notice::${line}\n`).join("")}`);
        else io.stderr.write(`${formatText(shown.files) || `No problems in ${plural(files.length, "file")}.\n`}${shown.omitted.map((line) => `${line}\n`).join("")}`);
      }
      return hasErrors(files) ? 1 : 0;
    },
  },
  export: {
    summary: "print the roles and diagnostics as JSON",
    usage: `career-atlas export [paths...] [--config <file>]\n\n${ALIASES_HELP}`,
    options: { config: { type: "string" } },
    async run(values, positionals, io) {
      const loaded = await loadConfigured(values, positionals, io, "Export");
      if (!loaded) return 1;
      const { roles, files } = loaded;
      io.stdout.write(`${jsonForTerminal(JSON.stringify({ roles, diagnostics: toDiagnostics(files) }, null, 2))}\n`);
      return hasErrors(files) ? 1 : 0;
    },
  },
  rules: {
    summary: "list every diagnostic rule: id, severity and title",
    usage: "career-atlas rules [--format text|json]",
    options: { format: { type: "string" } },
    async run(values, positionals, io) {
      if (positionals.length) throw new UsageError(`rules takes no arguments, got "${positionals[0]}"`);
      const format = formatOf(values, ["text", "json"]);
      const rules = (Object.keys(RULES) as RuleId[]).map((id) => ({ id, severity: RULES[id].severity, title: RULES[id].title, hint: RULES[id].hint, url: ruleUrl(id) }));
      if (format === "json") io.stdout.write(`${JSON.stringify(rules, null, 2)}\n`);
      else {
        const width = Math.max(...rules.map((r) => r.id.length));
        io.stdout.write(rules.map((r) => `${r.id.padEnd(width)}  ${r.severity.padEnd(7)}  ${r.title}`).join("\n") + "\n");
      }
      return 0;
    },
  },
  schema: {
    summary: "print the JSON Schema of a Role (or, with --config, of the site configuration file)",
    usage: "career-atlas schema [--config]\n\n  --config    the JSON Schema of career-atlas.config.yaml / .json, for editors",
    options: { config: { type: "boolean" } },
    async run(values, positionals, io) {
      if (positionals.length) throw new UsageError(`schema takes no arguments, got "${positionals[0]}"`);
      const schema = values.config === true ? (await import("./config/schema.ts")).configJsonSchema() : roleJsonSchema();
      io.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
      return 0;
    },
  },
};

/**
 * Builds the site (`build` in src/site/build.ts) and prints what it did.
 * @returns the exit code: 0 built, 1 refused, errors in the input or a failed render (the output left as it was)
 */
export async function runBuild(options: BuildOptions & { session?: Session; inPlace?: boolean } & Io): Promise<number> {
  const [{ build, exitCode }, { buildText }] = await Promise.all([import("./site/build.ts"), import("./report/build-report.ts")]);
  const outcome = await build(options);
  printBuild(buildText(outcome, options.output), options);
  return exitCode(outcome);
}

/** Serves the site (`serve` in src/site/serve-session.ts), printing every build and the address. */
export async function runServe(options: ServeOptions & Io): Promise<number> {
  const [{ serve }, { buildText, servingText }] = await Promise.all([import("./site/serve-session.ts"), import("./report/build-report.ts")]);
  return serve({
    ...options,
    onBuild: (outcome: BuildOutcome) => {
      printBuild(buildText(outcome, options.output), options);
      options.onBuild?.(outcome);
    },
    onReady: (url) => {
      options.stdout.write(servingText(options.output, url));
      options.onReady?.(url);
    },
  });
}

/** Every line of a build on stderr before its summary on stdout, as they would come in one terminal. */
function printBuild(text: { stdout: string; stderr: string }, io: Io): void {
  if (text.stderr) io.stderr.write(text.stderr);
  if (text.stdout) io.stdout.write(text.stdout);
}

/**
 * The site configuration of build, serve, check and export (`--config`, else the file found in the
 * working directory, else the defaults, then `--base-url`); null, with its diagnostics printed, when
 * it has errors. Check and export read it for its aliases, so that they merge roles as build does.
 */
async function siteConfig(values: Record<string, unknown>, io: Io, command = "Build"): Promise<SiteConfig | null> {
  const { loadConfig, withBaseUrl } = await import("./config/load.ts");
  const { config, file } = loadConfig({ file: typeof values.config === "string" ? values.config : undefined });
  if (file && file.messages.length > 0) io.stderr.write(formatText(forPrinting([file]).files));
  if (!config) {
    io.stderr.write(`${command} stopped: the configuration ${forTerminal(file?.path ?? "")} has errors; fix them, or name another file with --config.\n`);
    return null;
  }
  if (typeof values["base-url"] !== "string") return config;
  try {
    return withBaseUrl(config, values["base-url"]);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The roles of check and export, merged by the configuration's aliases as build merges them; null when the configuration has errors (printed). */
async function loadConfigured(values: Record<string, unknown>, positionals: string[], io: Io, command: string): Promise<LoadResult | null> {
  const config = await siteConfig(values, io, command);
  return config ? loadRoles(inputsOf({}, positionals), { aliases: aliasesFor(config.aliases) }) : null;
}

function inputsOf(values: Record<string, unknown>, positionals: string[]): string[] {
  const given = [...((values.input as string[] | undefined) ?? []), ...positionals];
  return given.length ? given : [DEFAULT_INPUT];
}

class UsageError extends Error {}

/** The `--format` given (`text` by default), when it is one of `allowed`. */
function formatOf<F extends string>(values: Record<string, unknown>, allowed: readonly F[]): F {
  const format = String(values.format ?? "text");
  if (!(allowed as readonly string[]).includes(format)) {
    const names = allowed.map((f) => `"${f}"`);
    throw new UsageError(`--format expects ${names.slice(0, -1).join(", ")} or ${names.at(-1)}, got "${format}"`);
  }
  return format as F;
}

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(7)} ${c.summary}\n          ${c.usage}`);
  return `Usage: career-atlas <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nEvery command takes --help.\n`;
}

/**
 * Runs the CLI.
 * @param argv the arguments after the program name
 * @returns the exit code
 */
export async function main(argv: readonly string[], io: Io = { stdout: process.stdout, stderr: process.stderr }): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    (name === undefined ? io.stderr : io.stdout).write(usage());
    return name === undefined ? 2 : 0;
  }
  // Own keys only: "constructor" or "__proto__" is no command.
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr.write(`career-atlas: unknown command "${forTerminal(name)}"\n\n${usage()}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      io.stdout.write(`Usage: ${command.usage}\n\n${command.summary[0]!.toUpperCase()}${command.summary.slice(1)}.\n`);
      return 0;
    }
    return await command.run(values as Record<string, string | boolean | undefined>, positionals, io);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.stderr.write(`career-atlas ${name}: ${forTerminal((error as Error).message.split("\n")[0]!)}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] && /(?:cli\.ts|career-atlas(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  // A failure no command caught still ends in one line, never a stack trace.
  process.on("uncaughtException", (error: unknown) => {
    process.stderr.write(`career-atlas: internal error: ${forTerminal(error instanceof Error ? error.message : String(error))}\n`);
    process.exit(70);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`career-atlas: internal error: ${forTerminal(error instanceof Error ? error.message : String(error))}\n`);
      process.exitCode = 70;
    },
  );
}
