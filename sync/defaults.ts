// The sync's defaults for asking a portal: one source for the options, the retry policy, the help text and the demo.

/** What a run uses when the command line does not say otherwise. */
export const SYNC_DEFAULTS = {
  /** --timeout: seconds to wait for each request. */
  timeoutSeconds: 20,
  /** --retries: retries after the first try of each request on a transient error. */
  retries: 4,
  /** --concurrency: requests in flight to the portal at once. */
  concurrency: 4,
  /** --profile: the portal feed of contract section 5 (per procedure, one month a request). */
  profile: 'dossiers',
} as const;
