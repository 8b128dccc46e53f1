// LibreOffice headless in a throw-away profile set to the Vietnamese locale, for the print check and the guide's pictures.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The locale clerks use: `1.234` and `41,43%`. */
export const LOCALE = 'vi-VN';

/** A LibreOffice user profile (inside `work`) whose locale is `locale`, so number formats show as there. */
export function profile(work, locale = LOCALE) {
  const folder = join(work, 'lo-profile');
  mkdirSync(join(folder, 'user'), { recursive: true });
  writeFileSync(
    join(folder, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse"><value>${locale}</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooLocale" oor:op="fuse"><value>${locale}</value></prop></item>
</oor:items>
`,
  );
  return pathToFileURL(folder).href;
}

/** Converts `file` to PDF in `outdir` with LibreOffice in the given profile; returns the PDF's path. */
export function toPdf(file, outdir, profileUrl) {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=${profileUrl}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, file],
    { stdio: 'ignore', env: { ...process.env, LANG: 'vi_VN.UTF-8', LC_ALL: 'C.UTF-8' } },
  );
  return join(outdir, file.replace(/^.*\//, '').replace(/\.xlsx$/i, '.pdf'));
}

/** The number of pages of a PDF, from pdfinfo. */
export function pageCount(pdf) {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}
