// Portal profiles as data: where the statistics are, how pages are asked for, and which fields mean what.
import { readFileSync } from 'node:fs';
import { SYNC_TEXT } from '../../src/core';
import { SyncError } from '../errors';

export interface PortalProfile {
  readonly name: string;
  readonly description: string;
  /** Path below the base URL, e.g. /statistics/dossiers. */
  readonly path: string;
  /** Query parameter names. */
  readonly query: {
    readonly year: string;
    readonly month: string;
    readonly page: string;
    readonly pageSize: string;
  };
  /** Extra fixed query parameters, if the portal wants any. */
  readonly fixedQuery?: Readonly<Record<string, string>>;
  readonly pageSize: number;
  /** Dotted paths in the response body. */
  readonly response: { readonly page: string; readonly totalPages: string; readonly items: string };
  /** Field names in each item (dotted paths allowed). */
  readonly fields: {
    readonly agency: string;
    /** Procedure code field; null for aggregated rows (no catalogue filter possible). */
    readonly procedure: string | null;
    readonly year: string;
    readonly month: string;
    readonly resolved: string;
    /** Online = the sum of these fields. */
    readonly online: readonly string[];
  };
}

/** CONTRACT.md section 5: one row per agency, procedure and month. */
export const DOSSIERS_PROFILE: PortalProfile = {
  name: 'dossiers',
  description: 'Rows per agency, procedure and month: resolvedCount, resolvedOnlineCount (default).',
  path: '/statistics/dossiers',
  query: { year: 'year', month: 'month', page: 'page', pageSize: 'pageSize' },
  pageSize: 500,
  response: { page: 'page', totalPages: 'totalPages', items: 'items' },
  fields: {
    agency: 'agencyCode',
    procedure: 'procedureCode',
    year: 'year',
    month: 'month',
    resolved: 'resolvedCount',
    online: ['resolvedOnlineCount'],
  },
};

/** Aggregated rows per agency and month; online = level 3 + level 4, so no catalogue filter. */
export const AGGREGATED_PROFILE: PortalProfile = {
  name: 'aggregated',
  description:
    'Rows per agency and month: govAgencyCode, releaseCount, dossierOnline3Count + dossierOnline4Count.',
  path: '/statistics/dossiers',
  query: { year: 'year', month: 'month', page: 'page', pageSize: 'pageSize' },
  pageSize: 500,
  response: { page: 'page', totalPages: 'totalPages', items: 'items' },
  fields: {
    agency: 'govAgencyCode',
    procedure: null,
    year: 'year',
    month: 'month',
    resolved: 'releaseCount',
    online: ['dossierOnline3Count', 'dossierOnline4Count'],
  },
};

export const PROFILES: Readonly<Record<string, PortalProfile>> = {
  dossiers: DOSSIERS_PROFILE,
  default: DOSSIERS_PROFILE,
  aggregated: AGGREGATED_PROFILE,
};

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

/** Checks a profile read from a JSON file, so a typo fails at start-up with the field named. */
export function assertProfile(value: unknown, source: string): asserts value is PortalProfile {
  const bad = (what: string): never => {
    throw new SyncError('USAGE', SYNC_TEXT.badProfileFile(source, what));
  };
  if (typeof value !== 'object' || value === null) bad('{...}');
  const p = value as Record<string, unknown>;
  if (!isText(p.name)) bad('name');
  if (!isText(p.path)) bad('path');
  const query = p.query as Record<string, unknown> | undefined;
  for (const key of ['year', 'month', 'page', 'pageSize']) if (!isText(query?.[key])) bad(`query.${key}`);
  if (typeof p.pageSize !== 'number' || !Number.isInteger(p.pageSize) || p.pageSize < 1) bad('pageSize');
  const response = p.response as Record<string, unknown> | undefined;
  for (const key of ['page', 'totalPages', 'items']) if (!isText(response?.[key])) bad(`response.${key}`);
  const fields = p.fields as Record<string, unknown> | undefined;
  for (const key of ['agency', 'year', 'month', 'resolved']) if (!isText(fields?.[key])) bad(`fields.${key}`);
  if (fields?.procedure !== null && !isText(fields?.procedure)) bad('fields.procedure');
  const online = fields?.online;
  if (!Array.isArray(online) || online.length === 0 || !online.every(isText)) bad('fields.online');
}

/** A profile by name (dossiers, aggregated) or from a JSON file path. */
export function resolveProfile(nameOrFile: string | undefined): PortalProfile {
  if (nameOrFile === undefined) return DOSSIERS_PROFILE;
  const known = PROFILES[nameOrFile.trim().toLowerCase()];
  if (known) return known;
  if (nameOrFile.toLowerCase().endsWith('.json')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(nameOrFile, 'utf8'));
    } catch (error) {
      throw new SyncError('USAGE', SYNC_TEXT.badProfileFile(nameOrFile, (error as Error).message), {
        cause: error,
      });
    }
    const withDescription = { description: nameOrFile, ...(parsed as object) };
    assertProfile(withDescription, nameOrFile);
    return withDescription;
  }
  throw new SyncError('USAGE', SYNC_TEXT.unknownProfile(nameOrFile, ['dossiers', 'aggregated']));
}

/** Value at a dotted path ("data.items") of a parsed JSON value. */
export function atPath(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
