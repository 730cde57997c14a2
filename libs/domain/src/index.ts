export * from './lib/permissions';
export * from './lib/event-lifecycle';
export * from './lib/mail-audience';
export * from './lib/home-tenant';
