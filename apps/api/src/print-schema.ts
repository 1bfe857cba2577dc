// The schema as SDL, sorted: what schema.graphql holds.
import { lexicographicSortSchema, printSchema } from 'graphql';
import { schema } from './schema.js';

export function printSortedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
