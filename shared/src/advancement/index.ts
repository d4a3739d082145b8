export * from './rules';
export * from './propose';
export * from './best-of-delegation';
