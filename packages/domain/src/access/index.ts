// Who may see and change what: the caller, and the access rules as pure functions.
export * from './caller.js';
export * from './rules.js';
export * from './single-sign-on.js';
