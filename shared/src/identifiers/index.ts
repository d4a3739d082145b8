export * from './iin';
export * from './bin';
export * from './synthetic';
export * from './localized-issue';
