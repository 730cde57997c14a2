export * from './lib/permissions';
export * from './lib/event-lifecycle';
