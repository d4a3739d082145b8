export * from './session';
export * from './issuer';
export * from './results';
export * from './nobd';
export * from './annual-report';
