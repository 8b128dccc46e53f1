// What each menu item that writes needs before it starts: the person's e-mail and the Advanced Sheets service.
import { ADDIN_WRITE_TEXT } from '../core';
import { alertUser } from './feedback';
import { activeEmail } from './permissions';
import { type SheetsService, sheetsService } from './sheets-api';
import { ADDIN_TEXT } from './texts';

/**
 * The signed-in person's e-mail and the Sheets service, or null once the user has been told which one is
 * missing. `identify` false (Kiểm tra số liệu without the e-mail scope) skips the e-mail: it is then ''.
 */
export function readyToWrite(identify = true): { email: string; api: SheetsService } | null {
  const email = identify ? activeEmail() : '';
  if (email === '' && identify) {
    alertUser(ADDIN_TEXT.noEmail);
    return null;
  }
  const api = sheetsService();
  if (!api) {
    alertUser(ADDIN_WRITE_TEXT.noAdvancedService);
    return null;
  }
  return { email, api };
}
