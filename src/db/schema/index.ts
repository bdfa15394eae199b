export * from './organizations.js';
export * from './catalog.js';
export * from './sessions.js';
export * from './families.js';
export * from './subscriptions.js';
export * from './billing.js';
export * from './audit.js';
export * from './auth.js';
