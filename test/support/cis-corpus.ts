import path from 'node:path';

/**
 * Where the real published CIS workbooks are read from: they are not the project's files, so the
 * workplace keeps them in `shared/cis-corpus` beside the checkout, and CIS_CORPUS points
 * elsewhere (docs/marking-schemes.md). Tests and the import benchmark skip them
 * when the folder is absent.
 */
export const cisCorpusDir =
  process.env.CIS_CORPUS ??
  path.resolve(import.meta.dirname, '..', '..', '..', 'shared', 'cis-corpus');
