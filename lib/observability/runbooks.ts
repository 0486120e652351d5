import { fail, show } from '../core/errors';

/** Where this repository's runbooks are served: `docs/runbooks/<AlertName>.md` on the main branch. */
export const DEFAULT_RUNBOOK_BASE_URL = 'https://git.example.com/platform/cdk8s-production/blob/main/docs/runbooks';

/** Resolves each alert's `runbook_url` below one base URL. */
export class Runbooks {
  /** The base URL, without a trailing slash. */
  public readonly baseUrl: string;

  /**
   * @param where path used in error messages
   * @param baseUrl https URL of the folder holding `<AlertName>.md` pages
   */
  public constructor(where: string, baseUrl: string = DEFAULT_RUNBOOK_BASE_URL) {
    if (!/^https:\/\/[^\s]+[^/\s]$/.test(baseUrl)) {
      fail(
        where,
        `runbookBaseUrl ${show(baseUrl)} must be an https URL without a trailing slash, such as "${DEFAULT_RUNBOOK_BASE_URL}"`,
      );
    }
    this.baseUrl = baseUrl;
  }

  /** The runbook page of `alert`. */
  public urlOf(alert: string): string {
    return `${this.baseUrl}/${alert}.md`;
  }
}
