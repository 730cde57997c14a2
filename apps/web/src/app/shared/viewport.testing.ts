/**
 * jsdom has no window.matchMedia: tests that care about the screen's width give it one that
 * answers for a window of the given width (only max-width queries, which the app uses).
 */
export function setViewportWidth(width: number): void {
  Object.defineProperty(window, 'matchMedia', {
    configurable: true,
    writable: true,
    value: (query: string): MediaQueryList => {
      const limit = /max-width:\s*([\d.]+)px/.exec(query)?.[1];
      return {
        matches: limit !== undefined && width <= Number(limit),
        media: query,
        onchange: null,
        addListener: () => undefined,
        removeListener: () => undefined,
        addEventListener: () => undefined,
        removeEventListener: () => undefined,
        dispatchEvent: () => false,
      };
    },
  });
}
