import { useState } from 'react';

/** State that survives a reload of the tab, so an offline reload reopens the same grid. */
export function useRemembered<T>(name: string, initial: T): [T, (value: T) => void] {
  const key = `ashyq.expert.${name}`;
  const [value, setValue] = useState<T>(() => {
    const stored = sessionStorage.getItem(key);
    return stored === null ? initial : (JSON.parse(stored) as T);
  });
  const remember = (next: T) => {
    sessionStorage.setItem(key, JSON.stringify(next));
    setValue(next);
  };
  return [value, remember];
}
