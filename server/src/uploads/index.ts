export {
  MAX_UPLOAD_BYTES,
  MAX_XLSX_UNPACKED_BYTES,
  sniffFileType,
  type SniffResult,
  type UploadFileType,
} from './file-type';
export { readTable, type ReadTableOptions, type ReadTableResult } from './read-table';
export { importPeopleFile } from './import-people';
