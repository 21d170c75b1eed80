/** Types for cli-bundle.mjs (plain JavaScript so that any Node can run the bin). */
export declare const root: string;
export declare const bundlePath: string;
export declare function whyFromSource(env?: NodeJS.ProcessEnv): string | null;
