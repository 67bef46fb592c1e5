import type { OverviewQuery } from '../../contract/overview.js';
import { CareEvent } from '../base/events.js';

/**
 * Fired when the person changes what the overview shows (the gap, a filter, the months or the
 * page), after the element has asked the server. A portal can keep it in the page address.
 */
export class CareOverviewQueryEvent extends CareEvent<{ query: OverviewQuery }> {
  static readonly eventName = 'care-overview-query';
  constructor(query: OverviewQuery) {
    super(CareOverviewQueryEvent.eventName, { query });
  }
}

/** What a `care-overview-export` event carries. */
export interface CareOverviewExportDetail {
  /** The gap's whole list under the filters, as CSV text. */
  csv: string;
  /** The file name the download gets. */
  filename: string;
  /** Rows in the file, without the header. */
  rows: number;
}

/**
 * Fired when the person downloads the list, before the browser saves the file. Cancelable:
 * `preventDefault()` stops the download, for a portal that stores or logs exports itself.
 */
export class CareOverviewExportEvent extends CareEvent<CareOverviewExportDetail> {
  static readonly eventName = 'care-overview-export';
  constructor(detail: CareOverviewExportDetail) {
    super(CareOverviewExportEvent.eventName, detail, { cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'care-overview-query': CareOverviewQueryEvent;
    'care-overview-export': CareOverviewExportEvent;
  }
}
