// The API's error shape {error: {code, message}} and its stable codes, with the HTTP status of each.
export type ErrorCode =
  | 'invalid_request' | 'invalid_json' | 'body_too_large' | 'unsupported_media_type' | 'unauthorized'
  | 'ingest_disabled' | 'ingest_busy' | 'not_found' | 'method_not_allowed' | 'internal'
  | 'uri_too_long' | 'headers_too_large' | 'request_timeout';

export const STATUS: Record<ErrorCode, number> = {
  invalid_request: 400, invalid_json: 400, body_too_large: 413, unsupported_media_type: 415, unauthorized: 401,
  ingest_disabled: 403, ingest_busy: 409, not_found: 404, method_not_allowed: 405, internal: 500,
  uri_too_long: 414, headers_too_large: 431, request_timeout: 408,
};

export class ApiError extends Error {
  constructor(readonly code: ErrorCode, message: string) { super(message); }
  get status(): number { return STATUS[this.code]; }
}

export function errorBody(code: ErrorCode, message: string): { error: { code: ErrorCode; message: string } } {
  return { error: { code, message } };
}

/** Maps fastify's own errors (validation, body parsing, limits) to our stable codes. */
export function classify(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const e = err as { code?: string; statusCode?: number; message?: string; validation?: unknown; validationContext?: string };
  const message = e.message ?? String(err);
  if (e.validation) {
    // ajv says only "must NOT have additional properties": name the one (a misspelt or guessed parameter, ?limit=).
    const extra = Array.isArray(e.validation)
      ? (e.validation as { keyword?: string; params?: { additionalProperty?: unknown } }[]).find((v) => v.keyword === 'additionalProperties')?.params?.additionalProperty
      : undefined;
    if (typeof extra === 'string') return new ApiError('invalid_request', `${e.validationContext ?? 'request'} has an unknown field "${extra}"`);
    // A body that may be one article or an array fails both ways ("must be array", "must match a schema in
    // anyOf"): the error deepest in the document is the one that names the field at fault.
    const errors = Array.isArray(e.validation) ? e.validation as { instancePath?: string; message?: string }[] : [];
    const deepest = errors.reduce<{ instancePath?: string; message?: string } | null>((best, v) =>
      (v.instancePath ?? '').split('/').length > (best?.instancePath ?? '').split('/').length ? v : best, null);
    if (deepest?.instancePath) return new ApiError('invalid_request', `${e.validationContext ?? 'request'}${deepest.instancePath} ${deepest.message ?? 'is not valid'}`);
    return new ApiError('invalid_request', message);
  }
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE': return new ApiError('body_too_large', 'request body is larger than the limit');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return new ApiError('unsupported_media_type', message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY': return new ApiError('invalid_json', 'request body is empty');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH': return new ApiError('invalid_request', message);
    case 'FST_ERR_MAX_PARAM_LENGTH': return new ApiError('uri_too_long', 'the id in the address is longer than any id khabar gives');
  }
  if (err instanceof SyntaxError || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY') return new ApiError('invalid_json', message);
  if (e.statusCode === 404) return new ApiError('not_found', message);
  if (e.statusCode === 405) return new ApiError('method_not_allowed', message);
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) return new ApiError('invalid_request', message);
  return new ApiError('internal', 'internal error');
}
