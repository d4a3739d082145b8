export * from './rules';
export * from './propose';
