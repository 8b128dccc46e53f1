// The preflight's one question to the portal: the first request of a month, its answer checked against the profile, a failure told with its fix.
import type { Month } from '../../src/core';
import { SyncError } from '../errors';
import { SYNC_ROLLOUT_TEXT, SYNC_TEXT } from '../texts';
import {
  boundedText,
  buildRequest,
  describeNetworkError,
  FetchFault,
  MAX_RESPONSE_BYTES,
  quote,
  readAnswer,
  safeLine,
} from './http';
import { httpProfile } from './profiles';
import { assertSettings, clientOptions, type PortalContext, type PortalSources, targetsOf } from './sources';

export interface PortalCheck {
  /** The request as shown to the office: method and URL (the token is never in it). */
  readonly request: string;
  readonly month: Month;
  /** Rows of the answer (one page, one unit for per-unit profiles). */
  readonly rows: number;
}

/** The answer's status as the portal's words and the fix, when the request got an HTTP answer that is not 2xx. */
function statusFailure(status: number, body: string, sources: PortalSources, profile: string) {
  if (status === 401 || status === 403)
    return {
      answer: SYNC_TEXT.portalDenied(status, Boolean(sources.token)),
      fix: SYNC_ROLLOUT_TEXT.portalFixDenied,
    };
  if (status === 429 || status >= 500)
    return { answer: SYNC_TEXT.portalStatus(status), fix: SYNC_ROLLOUT_TEXT.portalFixBusy };
  const answer = SYNC_TEXT.portalRejected(status, quote(body.slice(0, 400), sources.token));
  if (status === 404 || status === 405) return { answer, fix: SYNC_ROLLOUT_TEXT.portalFixNotFound };
  return { answer, fix: SYNC_ROLLOUT_TEXT.portalFixRejected(profile) };
}

/**
 * Sends ONE request, the first of `month` (page 1; for a per-unit profile, the first unit of Đơn vị), with
 * no retry: a preflight says what the portal answers now. The answer must fit the profile as a night's
 * would. Throws PORTAL_HTTP or PORTAL_DATA with the portal's answer and what to do.
 */
export async function checkPortal(
  sources: PortalSources & { baseUrl: string },
  context: PortalContext,
  month: Month,
): Promise<PortalCheck> {
  const profile = httpProfile(sources.profile);
  assertSettings(profile, context);
  const target = targetsOf(profile, [month], context)[0] ?? { month };
  const options = clientOptions(sources, profile, context);
  const { url, method, headers, body } = buildRequest(options, target, 1);
  const request = safeLine(`${method} ${url}`, sources.token);
  const fail = (code: 'PORTAL_HTTP' | 'PORTAL_DATA', answer: string, fix: string, cause?: unknown): never => {
    throw new SyncError(code, SYNC_ROLLOUT_TEXT.portalCheckFailed(request, answer, fix), { cause });
  };
  const stop = new AbortController();
  let status: number;
  let text: string;
  try {
    const response = await fetch(url, {
      method,
      headers,
      body,
      signal: AbortSignal.any([AbortSignal.timeout(sources.timeoutMs), stop.signal]),
    });
    status = response.status;
    // One request: not counted against the run's answer budget (a preflight holds one answer).
    text = await boundedText(response, MAX_RESPONSE_BYTES, stop, undefined);
  } catch (error) {
    const timedOut = (error as { name?: string }).name === 'TimeoutError';
    const answer = error instanceof FetchFault ? error.message : describeNetworkError(error);
    return fail(
      'PORTAL_HTTP',
      safeLine(answer, sources.token),
      timedOut ? SYNC_ROLLOUT_TEXT.portalFixTimeout : SYNC_ROLLOUT_TEXT.portalFixNetwork,
      error,
    );
  }
  if (status < 200 || status >= 300) {
    const { answer, fix } = statusFailure(status, text, sources, profile.name);
    return fail('PORTAL_HTTP', answer, fix);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return fail(
      'PORTAL_DATA',
      `${SYNC_TEXT.portalBadJson} (${quote(text.slice(0, 200), sources.token)})`,
      SYNC_ROLLOUT_TEXT.portalFixNotApi,
      error,
    );
  }
  try {
    const { records } = readAnswer(profile, json, target, 1);
    return { request, month, rows: records.length };
  } catch (error) {
    return fail(
      'PORTAL_DATA',
      safeLine((error as Error).message, sources.token),
      SYNC_ROLLOUT_TEXT.portalFixShape(profile.name),
      error,
    );
  }
}
