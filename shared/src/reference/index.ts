export * from './regions';
export * from './championship';
export * from './roles';
export * from './classifier';
