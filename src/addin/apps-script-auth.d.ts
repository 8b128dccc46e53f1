// Granular-consent methods Apps Script has but @types/google-apps-script 2.0.13 does not declare.
declare namespace GoogleAppsScript {
  namespace Script {
    interface AuthorizationInfo {
      /** The scopes of the list passed to getAuthorizationInfo that the user has granted; null without a list. */
      getAuthorizedScopes(): string[] | null;
    }
    interface ScriptApp {
      /** Authorization of the given scopes only (granular consent). */
      getAuthorizationInfo(authMode: AuthMode, oAuthScopes: string[]): AuthorizationInfo;
    }
  }
}
