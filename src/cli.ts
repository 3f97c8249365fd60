/**
 * career-atlas build | serve | check | export | schema. Exit codes: 0 fine, 1 errors in the
 * input, 2 a command line the CLI does not understand.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { reporter } from "vfile-reporter";
import { z } from "zod";
import { loadRoles } from "./load.ts";
import { forPrinting, hasErrors, toDiagnostics } from "./model/diagnostics.ts";
import { Role } from "./model/role.ts";

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

const COMMANDS: Record<string, Command> = {
  build: {
    summary: "build the site from role guides",
    usage: "career-atlas build [--input <dir>]... [--output <dir>] [--no-cache]\n\n  --no-cache  neither read nor write the build cache (node_modules/.cache/career-atlas, or CAREER_ATLAS_CACHE_DIR)",
    options: { input: { type: "string", multiple: true }, output: { type: "string" }, "no-cache": { type: "boolean" } },
    async run(values, positionals, io) {
      const { runBuild } = await import("./site/build.ts");
      return runBuild({ inputs: inputsOf(values, positionals), output: String(values.output ?? "site"), cache: values["no-cache"] !== true, ...io });
    },
  },
  serve: {
    summary: "build, serve on localhost with live reload, rebuild on change",
    usage:
      "career-atlas serve [--input <dir>]... [--output <dir>] [--port <n>] [--no-cache]\n\n  --no-cache  neither read nor write the build cache; the session still reuses, in memory, what it built",
    options: { input: { type: "string", multiple: true }, output: { type: "string" }, port: { type: "string" }, "no-cache": { type: "boolean" } },
    async run(values, positionals, io) {
      const port = Number(values.port ?? 8080);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port expects a number from 0 to 65535, got "${values.port}"`);
      const { runServe } = await import("./site/build.ts");
      await runServe({ inputs: inputsOf(values, positionals), output: String(values.output ?? "site"), port, cache: values["no-cache"] !== true, ...io });
      return 0;
    },
  },
  check: {
    summary: "check role guides and print diagnostics",
    usage: "career-atlas check [paths...] [--format text|json]",
    options: { format: { type: "string" } },
    async run(values, positionals, io) {
      const format = values.format ?? "text";
      if (format !== "text" && format !== "json") throw new UsageError(`--format expects "text" or "json", got "${format}"`);
      const { files } = await loadRoles(inputsOf({}, positionals));
      if (format === "json") io.stdout.write(`${JSON.stringify(toDiagnostics(files), null, 2)}\n`);
      else {
        const shown = forPrinting(files);
        io.stderr.write(`${reporter(shown.files)}\n${shown.omitted.map((line) => `${line}\n`).join("")}`);
      }
      return hasErrors(files) ? 1 : 0;
    },
  },
  export: {
    summary: "print the roles and diagnostics as JSON",
    usage: "career-atlas export [paths...]",
    options: {},
    async run(_values, positionals, io) {
      const { roles, files } = await loadRoles(inputsOf({}, positionals));
      io.stdout.write(`${JSON.stringify({ roles, diagnostics: toDiagnostics(files) }, null, 2)}\n`);
      return hasErrors(files) ? 1 : 0;
    },
  },
  schema: {
    summary: "print the JSON Schema of a Role",
    usage: "career-atlas schema",
    options: {},
    async run(_values, positionals, io) {
      if (positionals.length) throw new UsageError(`schema takes no arguments, got "${positionals[0]}"`);
      io.stdout.write(`${JSON.stringify(roleJsonSchema(), null, 2)}\n`);
      return 0;
    },
  },
};

/** The JSON Schema of `Role`, generated from the zod schema. */
export function roleJsonSchema(): unknown {
  return z.toJSONSchema(Role, { io: "output" });
}

function inputsOf(values: Record<string, unknown>, positionals: string[]): string[] {
  const given = [...((values.input as string[] | undefined) ?? []), ...positionals];
  return given.length ? given : [DEFAULT_INPUT];
}

class UsageError extends Error {}

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
    io.stderr.write(`career-atlas: unknown command "${name}"\n\n${usage()}`);
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
      io.stderr.write(`career-atlas ${name}: ${(error as Error).message.split("\n")[0]}\n\nUsage: ${command.usage}\n`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] && /(?:cli\.ts|career-atlas(?:\.js)?)$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`career-atlas: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 70;
    },
  );
}
