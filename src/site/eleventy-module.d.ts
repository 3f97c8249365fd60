/** The little of Eleventy 3's programmatic API that `eleventy.ts` uses (the package ships no types). */
declare module "@11ty/eleventy" {
  interface EleventyLogger {
    overrideLogger(logger: { log(m: string): void; info(m: string): void; warn(m: string): void; error(m: string): void } | false): void;
  }
  export default class Eleventy {
    constructor(input: string, output: string, options?: { quietMode?: boolean; configPath?: string; pathPrefix?: string; config?: (config: any) => void });
    logger: EleventyLogger;
    write(): Promise<unknown>;
  }
  /** The HTML `<base>` plugin: prefixes every root-relative URL of the HTML output with `pathPrefix`. */
  export function HtmlBasePlugin(config: any, options?: Record<string, unknown>): void;
}
