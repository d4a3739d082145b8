export * from './scheme/schema';
export * from './scoring/marks';
export * from './i18n/index';
export * from './identifiers/index';
export * from './grades/index';
export * from './reference/index';
export * from './people/index';
