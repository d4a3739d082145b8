export * from './types';
export * from './json-diff';
export * from './medal-table';
export * from './ceremony';
export * from './replica';
export * from './publication';
export * from './stage';
export * from './screen';
