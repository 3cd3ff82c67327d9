// khabar's library API. The CLI, the HTTP API and the web page are thin layers over these exports.
export type * from './types.js';
