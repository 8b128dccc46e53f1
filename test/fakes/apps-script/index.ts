// The fake Apps Script world for tests: a spreadsheet, its services, and dist/Code.js loaded in a vm as Apps Script runs it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { FakeDriveService } from './drive-service';
import { appsScriptGlobals, scopeGuard } from './services';
import { FakeSheetsService } from './sheets-service';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeWorld } from './world';

export { CallLog } from './calls';
export { FakeDriveService } from './drive-service';
export { AUTHORIZATION_REQUIRED } from './services';
export { type FakeMetadata, FakeSheetsService } from './sheets-service';
export {
  CELL_LIMIT,
  CELL_LIMIT_MESSAGE,
  FakeProtection,
  FakeSheet,
  FakeSpreadsheet,
  PROTECTED_MESSAGE,
} from './spreadsheet';
export type { CellState } from './values';
export { FakeWorld, type Value } from './world';

/** The checkout this fake belongs to, found upwards: the bench bundles the fake into dist/bench. */
function checkoutRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}
const ROOT = checkoutRoot(__dirname);

export const BUNDLE_PATH = join(ROOT, 'dist', 'Code.js');
/** The manifest pushed with the bundle: its OAuth scopes are what a person can grant. */
export const MANIFEST_PATH = join(ROOT, 'dist', 'appsscript.json');

export interface LoadedScript {
  world: FakeWorld;
  spreadsheet: FakeSpreadsheet;
  /** The `Sheets` global: each batchUpdate's requests are in `sheets.batches`. */
  sheets: FakeSheetsService;
  context: vm.Context;
  /** Calls a top-level function of the script by name, as a trigger or a menu item does. */
  run(name: string, ...args: unknown[]): unknown;
  /** Acts as another person from now on. */
  as(email: string): void;
}

/**
 * Replaces the realm's Date by one that reads `world.clock` for "now" (no arguments, Date.now()); with any
 * argument, and for instanceof, it is the realm's own Date.
 */
const CLOCK_SHIM = `(function (clock) {
  const Real = Date;
  const now = () => { const t = clock(); return t === null ? Real.now() : t; };
  function ClockDate(...args) {
    if (!new.target) return new Real(now()).toString();
    return args.length === 0 ? new Real(now()) : new Real(...args);
  }
  ClockDate.prototype = Real.prototype;
  ClockDate.now = now;
  ClockDate.UTC = Real.UTC;
  ClockDate.parse = Real.parse;
  globalThis.Date = ClockDate;
})`;

/** Loads the built bundle into a fresh V8 context whose globals are the fake services, like a pushed project. */
export function loadScript(options: {
  owner: string;
  user?: string;
  source?: string;
  /** false: the manifest does not enable the Advanced Sheets service (no `Sheets` global). */
  advancedSheets?: boolean;
  /** false: the manifest does not enable the Advanced Drive service (no `Drive` global). */
  advancedDrive?: boolean;
  /** The scopes the person granted on the consent screen; default every scope of the manifest. */
  granted?: readonly string[];
}): LoadedScript {
  const world = new FakeWorld(options.owner, options.user ?? options.owner);
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { oauthScopes: string[] };
  for (const scope of manifest.oauthScopes) world.declared.add(scope);
  for (const scope of options.granted ?? manifest.oauthScopes) world.granted.add(scope);
  world.calls.guard = scopeGuard(world);
  const spreadsheet = new FakeSpreadsheet(world);
  const sheetsService = new FakeSheetsService(world, spreadsheet);
  const context = vm.createContext({
    ...appsScriptGlobals(world, spreadsheet),
    ...(options.advancedSheets === false ? {} : { Sheets: sheetsService }),
    ...(options.advancedDrive === false ? {} : { Drive: new FakeDriveService(world, spreadsheet) }),
    console,
  });
  world.DateClass = vm.runInContext('Date', context) as DateConstructor;
  (vm.runInContext(CLOCK_SHIM, context) as (clock: () => number | null) => void)(
    () => world.clock?.() ?? null,
  );
  vm.runInContext(options.source ?? readFileSync(BUNDLE_PATH, 'utf8'), context, { filename: 'Code.gs' });
  const run = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return {
    world,
    spreadsheet,
    sheets: sheetsService,
    context,
    run,
    as: (email: string) => {
      world.activeUser = email;
    },
  };
}
