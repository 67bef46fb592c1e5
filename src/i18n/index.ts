export * from './types.js';
export * from './locale.js';
export * from './format.js';
export * from './plural.js';
