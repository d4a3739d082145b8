export * from './percent';
export * from './scale';
export * from './scales';
