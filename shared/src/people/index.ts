export * from './csv';
export {
  personKinds,
  personFields,
  columnLetter,
  type PersonKind,
  type PersonField,
} from './columns';
export {
  cellText,
  fileIssue,
  type ImportIssue,
  type ImportIssueCode,
  type IssueColumn,
  type Table,
  type TableCell,
  type TableRow,
} from './table';
export * from './import';
export * from './describe';
export * from './region-match';
