import pkg from '../package.json' with { type: 'json' };

export const PIPELINE_VERSION: string = pkg.version;
