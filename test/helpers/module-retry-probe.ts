// Imported only by module-retry.ts, to learn whether the browser fetches a failed module again.
export const probe = true;
