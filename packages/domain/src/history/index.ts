// History: the state of rows as at a past date, replayed from the entries every write appends.
export * from './as-at.js';
