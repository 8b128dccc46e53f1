// The workbook's input tabs read into settings, units and catalogue, with every problem found on the way.

import { type Catalogue, readCatalogue } from './catalogue';
import type { Grid } from './cells';
import { COL, MSG, TAB } from './labels';
import { type Problem, ProblemLog } from './problems';
import { readSettings, type Settings } from './settings';
import { fold } from './text';
import { readUnits, type UnitDirectory } from './units';

/** Raw grids of the tabs the product reads; an absent grid is a missing tab. */
export interface WorkbookInput {
  readonly settings?: Grid;
  readonly units?: Grid;
  readonly entries?: Grid;
  readonly catalogue?: Grid;
  readonly portal?: Grid;
}

export interface Model {
  readonly settings: Settings;
  readonly units: UnitDirectory;
  readonly catalogue: Catalogue;
  readonly problems: readonly Problem[];
}

/** Reads settings, units and catalogue into a log the caller may extend with figure problems. */
export function readModelInto(input: WorkbookInput, now: Date, log: ProblemLog): Omit<Model, 'problems'> {
  const settingsGrid = input.settings ?? [];
  if (!settingsGrid.some((row) => row.some((cell) => fold(cell) === fold(COL.param))))
    log.warning(TAB.settings, '', MSG.missingTab(TAB.settings));
  const settings = readSettings(settingsGrid, now, log);
  const units = readUnits(input.units ?? [], settings, log);
  const catalogue = readCatalogue(input.catalogue, log);
  return { settings, units, catalogue };
}

export function readModel(input: WorkbookInput, now: Date): Model {
  const log = new ProblemLog();
  return { ...readModelInto(input, now, log), problems: log.items };
}
