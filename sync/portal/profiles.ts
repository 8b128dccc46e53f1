// Portal profiles as data of one shape (CONTRACT.md §8.2): the request to send, its paging, where each figure is.
import { COL, PORTAL_EXPORT_HEADER } from '../../src/core';
import { SYNC_DEFAULTS } from '../defaults';
import { SyncError } from '../errors';
import { PORTAL_TEXT, SYNC_TEXT } from '../texts';
import { readRegularFile } from './files';
import aggregated from './profiles/aggregated.json';
import dossiers from './profiles/dossiers.json';
import dvcqg from './profiles/dvcqg.json';
import motCua from './profiles/mot-cua.json';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

export interface ProfileRequest {
  readonly method: 'GET' | 'POST';
  /** Path below the base URL, e.g. /statistics/dossiers. */
  readonly path: string;
  /** One request per month (every unit in the answer) or one per unit and month. */
  readonly per: 'month' | 'unit-month';
  /** Query parameters; values are templates. */
  readonly query?: Readonly<Record<string, Json>>;
  /** A JSON body (application/json); a template. */
  readonly json?: Json;
  /** Form fields (application/x-www-form-urlencoded); a field holding an object or list is sent as JSON text. */
  readonly form?: Readonly<Record<string, Json>>;
  /** Most requests at once for this portal, whatever --concurrency asks (a public service's courtesy). */
  readonly maxConcurrent?: number;
}

export interface ProfilePaging {
  readonly pageSize: number;
  /** Dotted path of the page number the portal echoes, checked against the page asked; optional. */
  readonly page?: string;
  readonly totalPages: string;
}

export interface ProfileFields {
  /** Agency code of a row; optional when each request is for one unit (the unit's portal code is used). */
  readonly agency?: string;
  /** Procedure code of a row: required when rows are per procedure, absent when aggregated. */
  readonly procedure?: string;
  /** Year and month of a row, checked against the month asked when given. */
  readonly year?: string;
  readonly month?: string;
  readonly resolved: string;
  /** Online = the sum of these fields. */
  readonly online: readonly string[];
}

export interface ProfileResponse {
  /** Dotted path of the list of rows; "" when the answer itself is the list. */
  readonly rows: string;
  /** Rows per procedure (catalogue filter) or already aggregated per unit (no filter possible). */
  readonly rowsPer: 'procedure' | 'unit';
  readonly fields: ProfileFields;
  /** Counts as JSON numbers only, or numbers and numeric strings ("1250"). */
  readonly numbers: 'numbers' | 'numbers-or-strings';
  /** A null count: an error (a bad row) or 0. A missing field is always an error. */
  readonly nullCounts: 'error' | 'zero';
  /**
   * Dotted path of a field every unit's row fills and a total row leaves null or empty: such rows are skipped
   * without a word (mot-cua's province total has no parent code `maThongKeCha`).
   */
  readonly skipRowsWithout?: string;
}

export interface PortalProfile {
  readonly name: string;
  readonly description: string;
  /** What to ask over HTTP; absent in a profile that only maps export-file columns. */
  readonly request?: ProfileRequest;
  readonly paging?: ProfilePaging | null;
  readonly response?: ProfileResponse;
  /** Export-file columns: the contract's column name → the name in the office's files. */
  readonly columns?: Readonly<Record<string, string>>;
}

/** A profile that can be asked over HTTP. */
export type HttpProfile = PortalProfile & {
  readonly request: ProfileRequest;
  readonly response: ProfileResponse;
};

/** Placeholders every request may use; page ones only with paging, {unit} only per unit and month. */
export const MONTH_PLACEHOLDERS = ['year', 'month', 'month2', 'firstDay', 'lastDay'] as const;
export const PAGE_PLACEHOLDERS = ['page', 'pageSize'] as const;
export const UNIT_PLACEHOLDER = 'unit';
const SETTING_PREFIX = 'setting:';
const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Columns an export file's mapping may name (contract names), the Nhập liệu online name included. */
const EXPORT_COLUMNS: readonly string[] = [...PORTAL_EXPORT_HEADER, COL.online];

const BUILT_IN: Readonly<Record<string, unknown>> = {
  dossiers,
  aggregated,
  'mot-cua': motCua,
  dvcqg,
};
export const BUILT_IN_NAMES = Object.keys(BUILT_IN);

type Bad = (field: string, reason: string) => never;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], at: string, bad: Bad): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key)) bad(at ? `${at}.${key}` : key, PORTAL_TEXT.unknownField);
}

function text(value: Record<string, unknown>, key: string, at: string, bad: Bad, optional = false): void {
  if (optional && value[key] === undefined) return;
  if (value[key] === undefined) bad(`${at}.${key}`, PORTAL_TEXT.missingField);
  if (!isText(value[key])) bad(`${at}.${key}`, PORTAL_TEXT.expectedText);
}

function oneOf(
  value: Record<string, unknown>,
  key: string,
  at: string,
  allowed: readonly string[],
  bad: Bad,
) {
  if (!allowed.includes(value[key] as string)) bad(`${at}.${key}`, PORTAL_TEXT.expectedOneOf(allowed));
}

function whole(value: unknown, field: string, min: number, max: number, bad: Bad): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    bad(field, PORTAL_TEXT.expectedWhole(min, max));
}

/** Every placeholder in a template is one the request can fill; `$number` wrappers hold one string. */
function checkTemplate(template: unknown, field: string, allowed: readonly string[], bad: Bad): void {
  if (typeof template === 'string') {
    for (const match of template.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (name.startsWith(SETTING_PREFIX) && name.slice(SETTING_PREFIX.length).trim() !== '') continue;
      if (!allowed.includes(name)) bad(field, PORTAL_TEXT.unknownPlaceholder(name, allowed));
    }
    return;
  }
  if (template === null || typeof template === 'number' || typeof template === 'boolean') return;
  if (Array.isArray(template)) {
    template.forEach((item, i) => {
      checkTemplate(item, `${field}[${i}]`, allowed, bad);
    });
    return;
  }
  if (isPlainObject(template)) {
    if ('$number' in template) {
      if (Object.keys(template).length !== 1 || typeof template.$number !== 'string')
        bad(field, PORTAL_TEXT.badNumberTemplate);
      checkTemplate(template.$number, `${field}.$number`, allowed, bad);
      return;
    }
    for (const [key, item] of Object.entries(template)) checkTemplate(item, `${field}.${key}`, allowed, bad);
    return;
  }
  bad(field, PORTAL_TEXT.expectedObject);
}

/** Checks a profile against the one documented shape; the first misfit is refused with its field named. */
export function checkProfile(value: unknown, source: string): PortalProfile {
  const bad: Bad = (field, reason) => {
    throw new SyncError('USAGE', PORTAL_TEXT.badProfile(source, field, reason));
  };
  if (!isPlainObject(value)) return bad('(gốc)', PORTAL_TEXT.expectedObject);
  onlyKeys(
    value,
    ['name', 'description', 'request', 'paging', 'response', 'columns', '$schema', 'comment'],
    '',
    bad,
  );
  text(value, 'name', '', bad);
  if (value.description !== undefined && typeof value.description !== 'string')
    bad('description', PORTAL_TEXT.expectedText);
  if (value.request === undefined && value.columns === undefined) bad('request', PORTAL_TEXT.missingField);
  if (value.request !== undefined) {
    const request = value.request;
    if (!isPlainObject(request)) return bad('request', PORTAL_TEXT.expectedObject);
    onlyKeys(request, ['method', 'path', 'per', 'query', 'json', 'form', 'maxConcurrent'], 'request', bad);
    oneOf(request, 'method', 'request', ['GET', 'POST'], bad);
    text(request, 'path', 'request', bad);
    oneOf(request, 'per', 'request', ['month', 'unit-month'], bad);
    if (request.maxConcurrent !== undefined)
      whole(request.maxConcurrent, 'request.maxConcurrent', 1, 64, bad);
    const paging = value.paging;
    if (paging !== undefined && paging !== null) {
      if (!isPlainObject(paging)) return bad('paging', PORTAL_TEXT.expectedObject);
      onlyKeys(paging, ['pageSize', 'page', 'totalPages'], 'paging', bad);
      whole(paging.pageSize, 'paging.pageSize', 1, 100_000, bad);
      text(paging, 'page', 'paging', bad, true);
      text(paging, 'totalPages', 'paging', bad);
    }
    const allowed: string[] = [...MONTH_PLACEHOLDERS];
    if (paging) allowed.push(...PAGE_PLACEHOLDERS);
    if (request.per === 'unit-month') allowed.push(UNIT_PLACEHOLDER);
    if (request.query !== undefined) {
      if (!isPlainObject(request.query)) bad('request.query', PORTAL_TEXT.expectedObject);
      checkTemplate(request.query, 'request.query', allowed, bad);
    }
    if (request.json !== undefined && request.form !== undefined)
      bad('request.form', PORTAL_TEXT.jsonAndForm);
    if (request.method === 'GET' && (request.json !== undefined || request.form !== undefined))
      bad(request.json !== undefined ? 'request.json' : 'request.form', PORTAL_TEXT.bodyWithGet);
    if (request.json !== undefined) checkTemplate(request.json, 'request.json', allowed, bad);
    if (request.form !== undefined) {
      if (!isPlainObject(request.form)) bad('request.form', PORTAL_TEXT.expectedObject);
      checkTemplate(request.form, 'request.form', allowed, bad);
    }
    const response = value.response;
    if (response === undefined) bad('response', PORTAL_TEXT.missingField);
    if (!isPlainObject(response)) return bad('response', PORTAL_TEXT.expectedObject);
    onlyKeys(
      response,
      ['rows', 'rowsPer', 'fields', 'numbers', 'nullCounts', 'skipRowsWithout'],
      'response',
      bad,
    );
    text(response, 'skipRowsWithout', 'response', bad, true);
    if (typeof response.rows !== 'string') bad('response.rows', PORTAL_TEXT.expectedText);
    oneOf(response, 'rowsPer', 'response', ['procedure', 'unit'], bad);
    oneOf(response, 'numbers', 'response', ['numbers', 'numbers-or-strings'], bad);
    oneOf(response, 'nullCounts', 'response', ['error', 'zero'], bad);
    const fields = response.fields;
    if (!isPlainObject(fields)) return bad('response.fields', PORTAL_TEXT.expectedObject);
    onlyKeys(fields, ['agency', 'procedure', 'year', 'month', 'resolved', 'online'], 'response.fields', bad);
    for (const key of ['agency', 'procedure', 'year', 'month'])
      text(fields, key, 'response.fields', bad, true);
    text(fields, 'resolved', 'response.fields', bad);
    if (!Array.isArray(fields.online) || fields.online.length === 0 || !fields.online.every(isText))
      bad('response.fields.online', PORTAL_TEXT.expectedList);
    if (request.per === 'month' && fields.agency === undefined)
      bad('response.fields.agency', PORTAL_TEXT.agencyNeeded);
    if (response.rowsPer === 'procedure' && fields.procedure === undefined)
      bad('response.fields.procedure', PORTAL_TEXT.procedureNeeded);
    if (response.rowsPer === 'unit' && fields.procedure !== undefined)
      bad('response.fields.procedure', PORTAL_TEXT.procedureUnexpected);
  } else {
    for (const key of ['paging', 'response'])
      if (value[key] !== undefined) bad(key, PORTAL_TEXT.unknownField);
  }
  if (value.columns !== undefined) {
    const columns = value.columns;
    if (!isPlainObject(columns)) return bad('columns', PORTAL_TEXT.expectedObject);
    for (const [column, name] of Object.entries(columns)) {
      if (!EXPORT_COLUMNS.includes(column))
        bad(`columns.${column}`, PORTAL_TEXT.badColumnsMapping(column, EXPORT_COLUMNS));
      if (!isText(name)) bad(`columns.${column}`, PORTAL_TEXT.expectedText);
    }
  }
  return { description: '', ...(value as object) } as PortalProfile;
}

/** The built-in profile of that name, checked like a file (a broken one fails at start-up, not mid-run). */
export function builtInProfile(name: string): HttpProfile {
  return checkProfile(BUILT_IN[name], name) as HttpProfile;
}

export const DOSSIERS_PROFILE: HttpProfile = builtInProfile(SYNC_DEFAULTS.profile);
export const AGGREGATED_PROFILE: HttpProfile = builtInProfile('aggregated');
export const MOT_CUA_PROFILE: HttpProfile = builtInProfile('mot-cua');
export const DVCQG_PROFILE: HttpProfile = builtInProfile('dvcqg');

/** A profile by name (dossiers, aggregated, mot-cua, dvcqg) or from a JSON file path; checked before any request. */
export function resolveProfile(nameOrFile: string | undefined): PortalProfile {
  if (nameOrFile === undefined) return DOSSIERS_PROFILE;
  const key = nameOrFile.trim().toLowerCase();
  if (key === 'default') return DOSSIERS_PROFILE;
  if (BUILT_IN[key] !== undefined) return builtInProfile(key);
  if (!key.endsWith('.json')) {
    throw new SyncError('USAGE', SYNC_TEXT.unknownProfile(nameOrFile, BUILT_IN_NAMES));
  }
  let bytes: Buffer;
  try {
    bytes = readRegularFile(nameOrFile, 1024 * 1024);
  } catch (error) {
    if (error instanceof SyncError) throw new SyncError('USAGE', error.message, { cause: error });
    throw new SyncError('USAGE', PORTAL_TEXT.profileUnreadable(nameOrFile, (error as Error).message), {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new SyncError('USAGE', PORTAL_TEXT.profileNotJson(nameOrFile, (error as Error).message), {
      cause: error,
    });
  }
  return checkProfile(parsed, nameOrFile);
}

/** The profile as one that asks over HTTP, or a usage error saying it only maps columns. */
export function httpProfile(profile: PortalProfile): HttpProfile {
  if (!profile.request || !profile.response)
    throw new SyncError('USAGE', PORTAL_TEXT.noRequest(profile.name));
  return profile as HttpProfile;
}

/** Value at a dotted path ("data.items") of a parsed JSON value; "" is the value itself. */
export function atPath(value: unknown, path: string): unknown {
  if (path === '') return value;
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** Names of the Cấu hình parameters a profile's templates quote ({setting:…}). */
export function settingsUsed(profile: PortalProfile): string[] {
  const names = new Set<string>();
  const visit = (template: unknown): void => {
    if (typeof template === 'string') {
      for (const match of template.matchAll(PLACEHOLDER)) {
        const name = match[1] ?? '';
        if (name.startsWith(SETTING_PREFIX)) names.add(name.slice(SETTING_PREFIX.length).trim());
      }
    } else if (Array.isArray(template)) template.forEach(visit);
    else if (isPlainObject(template)) Object.values(template).forEach(visit);
  };
  visit(profile.request?.query);
  visit(profile.request?.json);
  visit(profile.request?.form);
  return [...names];
}

/** Fills a template's placeholders; `{"$number": "…"}` becomes a JSON number. */
export function expand(template: Json | undefined, fill: (name: string) => string): Json | undefined {
  if (template === undefined) return undefined;
  if (typeof template === 'string') return template.replace(PLACEHOLDER, (_, name: string) => fill(name));
  if (template === null || typeof template !== 'object') return template;
  if (Array.isArray(template)) return template.map((item) => expand(item, fill) as Json);
  const object = template as { readonly [key: string]: Json };
  if ('$number' in object) {
    const textValue = expand(object.$number, fill) as string;
    const number = Number(textValue);
    if (textValue.trim() === '' || !Number.isFinite(number))
      throw new SyncError('USAGE', PORTAL_TEXT.badNumberValue(textValue));
    return number;
  }
  return Object.fromEntries(Object.entries(object).map(([key, item]) => [key, expand(item, fill) as Json]));
}

export { SETTING_PREFIX };
