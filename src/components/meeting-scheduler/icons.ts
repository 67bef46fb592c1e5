import { html, svg, type TemplateResult } from 'lit';
import type { MeetingMode, ResponseStatus } from '../../contract/values.js';

const icon = (path: ReturnType<typeof svg>) =>
  html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${path}</svg>`;

/** Icons beside a response; the response is always written out as well. */
export const RESPONSE_ICONS: Record<ResponseStatus, TemplateResult> = {
  accepted: icon(svg`<path d="M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z"/>`),
  declined: icon(svg`<path d="M19 6.4 17.6 5 12 10.6 6.4 5 5 6.4 10.6 12 5 17.6 6.4 19l5.6-5.6 5.6 5.6 1.4-1.4-5.6-5.6z"/>`),
  tentative: icon(
    svg`<path d="M11 18h2v-2h-2v2zm1-16a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm0-14a4 4 0 0 0-4 4h2a2 2 0 1 1 4 0c0 2-3 1.75-3 5h2c0-2.25 3-2.5 3-5a4 4 0 0 0-4-4z"/>`,
  ),
  'needs-action': icon(svg`<path d="M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 18a8 8 0 1 1 0-16 8 8 0 0 1 0 16zm.5-13H11v6l5.2 3.2.8-1.3-4.5-2.7z"/>`),
};

/** Icons beside a meeting mode. */
export const MODE_ICONS: Record<MeetingMode, TemplateResult> = {
  'in-person': icon(
    svg`<path d="M16 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm-8 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zm0 2c-2.3 0-7 1.2-7 3.5V19h14v-2.5C15 14.2 10.3 13 8 13zm8 0c-.3 0-.6 0-1 .05 1.2.85 2 2 2 3.45V19h6v-2.5c0-2.3-4.7-3.5-7-3.5z"/>`,
  ),
  digital: icon(svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11l-4 4z"/>`),
  hybrid: icon(
    svg`<path d="M21 3H3a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h7v2H8v2h8v-2h-2v-2h7a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 13H3V5h18v11zM9 8a2 2 0 1 0 4 0 2 2 0 0 0-4 0zm6 6v-1c0-1.3-2.7-2-4-2s-4 .7-4 2v1h8z"/>`,
  ),
};

export const WARNING_ICON = icon(svg`<path d="M12 2 1 21h22L12 2zm1 15h-2v2h2v-2zm0-7h-2v5h2v-5z"/>`);
export const DOWNLOAD_ICON = icon(svg`<path d="M5 20h14v-2H5v2zM19 9h-4V3H9v6H5l7 7 7-7z"/>`);
