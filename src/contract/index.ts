/**
 * The data contract: one schema per entity, the single source of truth for types, validation,
 * generated JSON Schema and the prose reference in docs/contract.md.
 */
export * from './values.js';
export * from './common.js';
export * from './team.js';
export * from './responsibility.js';
export * from './consent.js';
export * from './meeting.js';
export * from './crisis-plan.js';
export * from './meeting-outcome.js';
export * from './audit.js';
export * from './record.js';
export * from './rules.js';
export * from './validate.js';
export * from './overview.js';
