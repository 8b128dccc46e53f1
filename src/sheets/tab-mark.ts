// The request that marks a tab as the product's (contract 10.2), as plain JSON both halves send in the batch that adds or adopts the tab.
import { TAB_MARK_KEY } from '../core/tab-ownership';

/** A plain shape that fits both the Apps Script schema and googleapis' sheets_v4.Schema$Request. */
export interface TabMarkRequest {
  createDeveloperMetadata: {
    developerMetadata: {
      metadataKey: string;
      metadataValue: string;
      location: { sheetId: number };
      visibility: string;
    };
  };
}

/**
 * Sheet-level developer metadata TAB_MARK_KEY on `sheetId` (it follows the tab when renamed or moved; any
 * editor can see it but only the Sheets API writes it), its value the name the tab was made for.
 */
export const markTabRequest = (sheetId: number, tab: string): TabMarkRequest => ({
  createDeveloperMetadata: {
    developerMetadata: {
      metadataKey: TAB_MARK_KEY,
      metadataValue: tab,
      location: { sheetId },
      // DOCUMENT: the other half (another Cloud project) must see it.
      visibility: 'DOCUMENT',
    },
  },
});
