export * from './session';
export * from './results';
export * from './nobd';
export * from './annual-report';
