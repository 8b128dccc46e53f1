// Counts every call a script makes into the fake Apps Script services, as a quota-minded reviewer would.

/** Per-method tally of service calls, e.g. `Range.setValues` → 5. */
export class CallLog {
  readonly counts = new Map<string, number>();
  total = 0;
  /** Fault injection: the nth next call of this method (e.g. `Range.getValues`) fails as a service outage would. */
  failure: { name: string; after: number } | null = null;
  /**
   * Runs before each recorded call takes effect, e.g. to start a second execution in the middle of a
   * first one (two people clicking at once). Apps Script runs executions in parallel; a test
   * interleaves them at call boundaries with this hook.
   */
  beforeCall: ((name: string) => void) | null = null;
  /** Refuses a call the script may not make (a scope the person did not grant), before it is counted. */
  guard: ((name: string) => void) | null = null;

  record(name: string): void {
    this.guard?.(name);
    if (this.failure?.name === name && this.failure.after-- <= 0) {
      this.failure = null;
      throw new Error('Service Spreadsheets failed while accessing document with id fake-spreadsheet-id.');
    }
    this.total++;
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
    this.beforeCall?.(name);
  }

  reset(): void {
    this.total = 0;
    this.counts.clear();
  }

  /** Calls of one method name across every object, e.g. count('setValues'). */
  count(method: string): number {
    let sum = 0;
    for (const [name, n] of this.counts) if (name.endsWith(`.${method}`)) sum += n;
    return sum;
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/**
 * Wraps a fake service object so each public method call is recorded under `label.method`.
 * Methods run on the raw object, so the fakes' own internal calls are not counted;
 * names starting with `_` are test back doors and are never counted.
 */
export function counted<T extends object>(target: T, calls: CallLog, label: string): T {
  return new Proxy(target, {
    get(object, property) {
      const value: unknown = Reflect.get(object, property, object);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      if (property.startsWith('_') || property === 'constructor') return value;
      return (...args: unknown[]) => {
        calls.record(`${label}.${property}`);
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}
