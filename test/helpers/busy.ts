/** Keeps the main thread busy for `ms` milliseconds, as a loaded machine or a frame's heavy work would. */
export const keepBusy = (ms: number): void => {
  const start = performance.now();
  while (performance.now() - start < ms) {
    // busy
  }
};
