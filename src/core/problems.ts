// A problem found in the sheet: where it is, whose it is, how bad, and what to do, for the Kiểm tra tab.
import type { Severity } from './labels';
import { excerpt } from './text';

export interface Problem {
  readonly tab: string;
  /** A1 address of the offending cell, or empty when the problem is about a whole tab. */
  readonly cell: string;
  readonly unitCode: string;
  /** The month as shown in the tabs (10/2020), or empty. */
  readonly month: string;
  readonly severity: Severity;
  readonly message: string;
}

/** Collects problems in the order they are found. */
export class ProblemLog {
  readonly items: Problem[] = [];

  add(tab: string, cell: string, severity: Severity, message: string, unitCode = '', month = ''): void {
    // Unit code and month come from user text: quoted as short excerpts, like every value in a message.
    this.items.push({ tab, cell, unitCode: excerpt(unitCode), month: excerpt(month), severity, message });
  }

  error(tab: string, cell: string, message: string, unitCode = '', month = ''): void {
    this.add(tab, cell, 'error', message, unitCode, month);
  }

  warning(tab: string, cell: string, message: string, unitCode = '', month = ''): void {
    this.add(tab, cell, 'warning', message, unitCode, month);
  }
}
