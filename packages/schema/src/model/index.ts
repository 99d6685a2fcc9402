export * from './common.js';
export * from './organisation.js';
export * from './facility.js';
export * from './indicator.js';
export * from './observation.js';
export * from './meeting.js';
export * from './package.js';
export * from './records.js';
