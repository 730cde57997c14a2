export * from './lib/auth';
export * from './lib/common';
export * from './lib/events';
export * from './lib/mail';
export * from './lib/member-states';
export * from './lib/roles';
export * from './lib/text';
export * from './lib/users';
