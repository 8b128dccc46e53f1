// The fake Apps Script world for tests: a spreadsheet, its services, and dist/Code.js loaded in a vm as Apps Script runs it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { appsScriptGlobals } from './services';
import { FakeSpreadsheet } from './spreadsheet';
import { FakeWorld } from './world';

export { CallLog } from './calls';
export { CELL_LIMIT, CELL_LIMIT_MESSAGE, FakeSheet, FakeSpreadsheet, PROTECTED_MESSAGE } from './spreadsheet';
export type { CellState } from './values';
export { FakeWorld, type Value } from './world';

export const BUNDLE_PATH = join(__dirname, '..', '..', '..', 'dist', 'Code.js');

export interface LoadedScript {
  world: FakeWorld;
  spreadsheet: FakeSpreadsheet;
  context: vm.Context;
  /** Calls a top-level function of the script by name, as a trigger or a menu item does. */
  run(name: string, ...args: unknown[]): unknown;
  /** Acts as another person from now on. */
  as(email: string): void;
}

/** Loads the built bundle into a fresh V8 context whose globals are the fake services, like a pushed project. */
export function loadScript(options: { owner: string; user?: string; source?: string }): LoadedScript {
  const world = new FakeWorld(options.owner, options.user ?? options.owner);
  const spreadsheet = new FakeSpreadsheet(world);
  const context = vm.createContext({ ...appsScriptGlobals(world, spreadsheet), console });
  world.DateClass = vm.runInContext('Date', context) as DateConstructor;
  vm.runInContext(options.source ?? readFileSync(BUNDLE_PATH, 'utf8'), context, { filename: 'Code.gs' });
  const run = (name: string, ...args: unknown[]): unknown => {
    const fn = (context as Record<string, unknown>)[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return {
    world,
    spreadsheet,
    context,
    run,
    as: (email: string) => {
      world.activeUser = email;
    },
  };
}
