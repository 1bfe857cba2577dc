import { describe, expect, it } from 'vitest';
import { ragKey, ragLabel, worseRag } from './rag.js';

describe('RAG', () => {
  it('labels ratings for people, and null as not yet rated', () => {
    expect(ragLabel('GREEN')).toBe('On track');
    expect(ragLabel('AMBER')).toBe('At risk');
    expect(ragLabel('RED')).toBe('Off track');
    expect(ragLabel(null)).toBe('Not yet rated');
  });

  it('counts null under NONE', () => {
    expect(ragKey(null)).toBe('NONE');
    expect(ragKey('AMBER')).toBe('AMBER');
  });

  it('picks the worse rating, and any rating over none', () => {
    expect(worseRag('GREEN', 'RED')).toBe('RED');
    expect(worseRag('RED', 'AMBER')).toBe('RED');
    expect(worseRag('AMBER', 'GREEN')).toBe('AMBER');
    expect(worseRag(null, 'GREEN')).toBe('GREEN');
    expect(worseRag('GREEN', null)).toBe('GREEN');
    expect(worseRag(null, null)).toBeNull();
  });
});
