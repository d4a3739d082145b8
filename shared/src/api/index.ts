export * from './expert';
export * from './chief';
export * from './organiser';
export * from './exam';
export * from './auth';
export * from './public';
export * from './realtime';
