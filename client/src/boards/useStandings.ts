import { useEffect, useRef, useState } from 'react';
import {
  placeLabels,
  positionsOf,
  rankMoves,
  samePlaces,
  type BoardRow,
  type RankMove,
} from '@ashyq/shared';

/**
 * The place labels ("=1") and the places each competitor gained or lost since the ranking last
 * changed. An update that moves no one keeps the arrows of the last one that did, so a mark
 * that only raises a total does not wipe what the spectators just saw.
 */
export function useStandings(rows: readonly BoardRow[]): {
  labels: Map<string, string>;
  moves: Map<string, RankMove>;
} {
  const shown = useRef<{ positions: Map<string, number | null>; moves: Map<string, RankMove> }>({
    positions: new Map(),
    moves: new Map(),
  });
  const positions = positionsOf(rows);
  const last = shown.current;
  const moves =
    last.positions.size === 0 || samePlaces(last.positions, positions)
      ? last.moves
      : rankMoves(last.positions, rows);
  useEffect(() => {
    shown.current = { positions, moves };
  });
  const texts = placeLabels(rows);
  return {
    labels: new Map(rows.map((row, i) => [row.competitor, texts[i]!])),
    moves,
  };
}

/** The time now, renewed every `everyMs`: for phrases such as "updated 12 s ago". */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
