export * from './expert';
export * from './chief';
