import { useLayoutEffect, useRef } from 'react';

/** How long a row takes to glide to its new place when the ranking changes. */
const moveMs = 600;

/**
 * FLIP animation for table rows keyed by competitor: after each render every row that moved is
 * drawn at its old place and glides to the new one, so spectators see who overtook whom.
 * Returns the ref callback to put on each row.
 */
export function useMovingRows(order: readonly string[]) {
  const rows = useRef(new Map<string, HTMLElement>());
  const tops = useRef(new Map<string, number>());
  const orderKey = order.join('|');

  useLayoutEffect(() => {
    const reduced = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    for (const [key, element] of rows.current) {
      const top = element.offsetTop;
      const before = tops.current.get(key);
      tops.current.set(key, top);
      if (reduced || before === undefined || before === top) continue;
      element.animate(
        [{ transform: `translateY(${before - top}px)` }, { transform: 'translateY(0)' }],
        { duration: moveMs, easing: 'ease-out' },
      );
      element.classList.add('moved');
      setTimeout(() => element.classList.remove('moved'), moveMs * 2);
    }
  }, [orderKey]);

  return (key: string) => (element: HTMLElement | null) => {
    if (element) rows.current.set(key, element);
    else {
      rows.current.delete(key);
      tops.current.delete(key);
    }
  };
}
