// Command-line options (CONTRACT.md section 6) parsed with node:util and checked into one typed value.
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Month } from '../src/core';
import { parseMonth } from '../src/core';
import { SYNC_DEFAULTS } from './defaults';
import { SyncError } from './errors';
import { httpProfile, type PortalProfile, resolveProfile } from './portal/profiles';
import { type DailyTime, parseDailyTime } from './schedule';
import { SYNC_ROLLOUT_TEXT, SYNC_TEXT } from './texts';
import { type WorkbookTarget, workbookTarget } from './workbook/open';

export interface CliOptions {
  readonly help: boolean;
  readonly workbook: WorkbookTarget;
  readonly portal?: string;
  readonly portalFiles: readonly string[];
  readonly profile: PortalProfile;
  readonly through: Month | null;
  /** --lam-moi-du-lieu-cong: Dữ liệu Cổng DVC rebuilt from this run alone (contract §10.1). */
  readonly rebuildPortal: boolean;
  readonly dryRun: boolean;
  readonly daily: DailyTime | null;
  readonly timeoutMs: number;
  /** Retries after the first try of each request. */
  readonly retries: number;
  readonly concurrency: number;
  // Roll-out (README "Roll-out checklist: the sync"): the checks alone, and a one-off import of an .xlsx.
  /** --check: the preflight of --daily, then exit. */
  readonly check: boolean;
  /** --import: the .xlsx whose input tabs go into the Google Sheet of --workbook, before a recompute. */
  readonly importFrom: string | null;
  /** --ghi-de: the import may replace input tabs of the Sheet that already hold data. */
  readonly overwrite: boolean;
}

const SPEC = {
  workbook: { type: 'string' },
  portal: { type: 'string' },
  'portal-file': { type: 'string', multiple: true },
  profile: { type: 'string' },
  through: { type: 'string' },
  'lam-moi-du-lieu-cong': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  'tao-moi': { type: 'boolean' },
  daily: { type: 'string' },
  timeout: { type: 'string' },
  retries: { type: 'string' },
  concurrency: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  // Roll-out
  check: { type: 'boolean' },
  import: { type: 'string' },
  'ghi-de': { type: 'boolean' },
} as const;

/** The roll-out options, checked against the rest: an import goes from an .xlsx into a Google Sheet, alone. */
function rollout(
  v: { check?: boolean; import?: string; 'ghi-de'?: boolean; daily?: string; 'dry-run'?: boolean },
  workbook: WorkbookTarget,
): Pick<CliOptions, 'check' | 'importFrom' | 'overwrite'> {
  const overwrite = v['ghi-de'] ?? false;
  if (v.import === undefined) {
    if (overwrite) throw new SyncError('USAGE', SYNC_ROLLOUT_TEXT.overwriteWithoutImport);
    return { check: v.check ?? false, importFrom: null, overwrite };
  }
  const from = v.import.trim();
  if (extname(from).toLowerCase() !== '.xlsx')
    throw new SyncError('USAGE', SYNC_ROLLOUT_TEXT.importNeedsXlsx(from));
  if (workbook.kind !== 'google') throw new SyncError('USAGE', SYNC_ROLLOUT_TEXT.importNeedsSheet);
  for (const [given, option] of [
    [v.check, '--check'],
    [v.daily !== undefined, '--daily'],
    [v['dry-run'], '--dry-run'],
  ] as const)
    if (given) throw new SyncError('USAGE', SYNC_ROLLOUT_TEXT.importNotWith(option));
  return { check: false, importFrom: from, overwrite };
}

function wholeNumber(
  name: string,
  text: string | undefined,
  fallback: number,
  min: number,
  max: number,
): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new SyncError('USAGE', SYNC_TEXT.badNumberOption(name, text, min, max));
  }
  return value;
}

/** node:util's parse error in Vietnamese, naming what to type instead (its English text otherwise). */
function argumentProblem(error: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? '';
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return SYNC_TEXT.unknownOption(quoted);
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return SYNC_TEXT.strayArgument(quoted);
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return SYNC_TEXT.missingValue(quoted.split(' ')[0] ?? quoted);
    default:
      return error.message;
  }
}

/** Parses argv (without node and script); --help alone needs no other option. */
export function parseOptions(argv: readonly string[]): CliOptions | { help: true } {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof SPEC; allowPositionals: false; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: SPEC, allowPositionals: false, strict: true });
  } catch (error) {
    throw new SyncError('USAGE', SYNC_TEXT.badArguments(argumentProblem(error as Error & { code?: string })));
  }
  const v = parsed.values;
  if (v.help) return { help: true };
  if (!v.workbook) throw new SyncError('USAGE', SYNC_TEXT.missingWorkbook);
  let portal: string | undefined;
  if (v.portal !== undefined) {
    portal = v.portal.trim();
    if (!/^https?:\/\/[^\s]+$/i.test(portal)) throw new SyncError('USAGE', SYNC_TEXT.badPortalUrl(v.portal));
  }
  let through: Month | null = null;
  if (v.through !== undefined) {
    through = parseMonth(v.through);
    if (!through) throw new SyncError('USAGE', SYNC_TEXT.badThroughOption(v.through));
  }
  // Rebuilding from no source would empty Dữ liệu Cổng DVC: refused rather than guessed.
  if (v['lam-moi-du-lieu-cong'] && portal === undefined && (v['portal-file'] ?? []).length === 0)
    throw new SyncError('USAGE', SYNC_TEXT.rebuildWithoutSource);
  const profile = resolveProfile(v.profile);
  let workbook = workbookTarget(v.workbook);
  if (v['tao-moi']) {
    if (workbook.kind !== 'xlsx') throw new SyncError('USAGE', SYNC_TEXT.createNotXlsx);
    workbook = { ...workbook, create: true };
  }
  if (portal !== undefined) httpProfile(profile); // a columns-only profile cannot ask a portal: said before any request
  return {
    help: false,
    workbook,
    portal,
    portalFiles: v['portal-file'] ?? [],
    profile,
    through,
    rebuildPortal: v['lam-moi-du-lieu-cong'] ?? false,
    dryRun: v['dry-run'] ?? false,
    daily: v.daily === undefined ? null : parseDailyTime(v.daily),
    timeoutMs: wholeNumber('--timeout', v.timeout, SYNC_DEFAULTS.timeoutSeconds, 1, 600) * 1000,
    retries: wholeNumber('--retries', v.retries, SYNC_DEFAULTS.retries, 0, 10),
    concurrency: wholeNumber('--concurrency', v.concurrency, SYNC_DEFAULTS.concurrency, 1, 12),
    ...rollout(v, workbook),
  };
}
