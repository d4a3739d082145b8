import type { Language } from '@ashyq/shared';
import type { Overview, Roster } from './types';
import type { Names } from './view';
import { type ConfirmRequest } from '../lib/ui/ConfirmDialog';

/** What every section of the console is given: the live state, the names and the dialog. */
export interface ConsoleProps {
  competitionId: string;
  roster: Roster;
  names: Names;
  overview: Overview;
  lang: Language;
  /** Opens the confirmation dialog for an action. */
  confirm: (request: ConfirmRequest) => void;
  /** Fetches the roster again after a change it reflects (a credential, a competitor's status). */
  reloadRoster: () => void;
  /** The chief expert (or an organiser): a deputy may lock but not unlock. */
  mayUnlock: boolean;
}
