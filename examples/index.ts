// The bundled example provinces: their CSV files read into the raw grids the domain core takes.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { WorkbookInput } from '../src/core';

export type ExampleName = 'hoa-binh-2020' | 'phu-tho-2026';

/** Every bundled example; the first is the default demo. */
export const EXAMPLES: ExampleName[] = ['hoa-binh-2020', 'phu-tho-2026'];

/** The CSV file of each input tab, and the portal export, inside an example's folder. */
export const EXAMPLE_FILES = {
  settings: 'cau-hinh.csv',
  units: 'don-vi.csv',
  entries: 'nhap-lieu.csv',
  catalogue: 'danh-muc-dvc.csv',
  portalExport: 'cong-dvc-export.csv',
} as const;

// Shown by the demo; the examples' own data, like the unit names in their CSV files.
const TITLES: Record<ExampleName, string> = {
  'hoa-binh-2020':
    'Hòa Bình 2020 (ba cấp: sở, ban, ngành; huyện, thành phố; xã, phường, thị trấn; số liệu giả định)',
  'phu-tho-2026': 'Phú Thọ 2026 (hai cấp: sở, ban, ngành; xã, phường; số liệu giả định)',
};

export interface LoadedExample {
  /** Grids of Cấu hình, Đơn vị, Nhập liệu and Danh mục DVC, every cell a string as in the CSV. */
  input: WorkbookInput;
  /** Absolute path of the portal export (`--portal-file`). */
  portalExportFile: string;
  title: string;
}

export const isExampleName = (text: string): text is ExampleName =>
  (EXAMPLES as readonly string[]).includes(text);

/**
 * The repository root: the nearest folder above `from` holding package.json. Works from the sources
 * (examples/), from ts-jest, and from the esbuild bundle dist/node/demo.cjs alike.
 */
export function repoRoot(from: string = __dirname): string {
  let folder = from;
  while (!existsSync(join(folder, 'package.json'))) {
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${from}`);
    folder = parent;
  }
  return folder;
}

/** Absolute path of an example's folder. */
export const exampleFolder = (name: ExampleName): string => join(repoRoot(), 'examples', name);

/** A CSV file as rows of strings (UTF-8; a byte-order mark, if an editor added one, is dropped). */
export function readCsvGrid(file: string): string[][] {
  return parse(readFileSync(file, 'utf8'), { bom: true, relax_column_count: true, skip_empty_lines: true });
}

export function loadExample(name: ExampleName): LoadedExample {
  const folder = exampleFolder(name);
  const grid = (file: string) => readCsvGrid(join(folder, file));
  return {
    input: {
      settings: grid(EXAMPLE_FILES.settings),
      units: grid(EXAMPLE_FILES.units),
      entries: grid(EXAMPLE_FILES.entries),
      catalogue: grid(EXAMPLE_FILES.catalogue),
    },
    portalExportFile: join(folder, EXAMPLE_FILES.portalExport),
    title: TITLES[name],
  };
}
