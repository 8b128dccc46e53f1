// Google's limits on a spreadsheet and on one request, which both halves check before they write.

/**
 * cells: rows × columns of every tab of one spreadsheet, empty cells included.
 * payloadBytes: the body size at which Google answers 400 "Request payload size exceeds the limit:
 * 10485760 bytes"; its documentation recommends 2 MB for speed, which a large province's Dữ liệu Cổng DVC exceeds.
 */
export const SHEETS_LIMITS = { cells: 10_000_000, payloadBytes: 10_485_760 } as const;
