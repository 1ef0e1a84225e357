import { vi } from 'vitest';

/**
 * jsdom has no layout: gives the scrolling frame (the element with role="region") a screen's height and each other
 * element a row's, as a browser would, so that a virtualised table renders a screenful. Undo with vi.restoreAllMocks().
 */
export function fakeFrameLayout(options: { rowHeight: number; measuredRows?: boolean }): void {
  const isFrame = (element: HTMLElement) => element.getAttribute('role') === 'region';
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return isFrame(this) ? 600 : 0;
  });
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(800);
  if (options.measuredRows) {
    // TanStack Virtual measures each rendered row by its offsetHeight when rows are measured.
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
      return isFrame(this) ? 600 : options.rowHeight;
    });
  }
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    return DOMRect.fromRect({ width: 800, height: isFrame(this) ? 600 : options.rowHeight });
  });
}
