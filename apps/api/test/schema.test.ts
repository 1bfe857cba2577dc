// The committed schema.graphql must match the code, and every type and field must say what it is.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSortedSchema } from '../src/print-schema.js';
import { schema } from '../src/schema.js';

describe('schema.graphql', () => {
  it('is what `pnpm generate` prints (run it and commit the file when this fails)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../schema.graphql', import.meta.url)),
      'utf8',
    );
    expect(committed).toBe(printSortedSchema());
  });

  it('describes every type, field, argument and enum value', () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__')) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues())
          if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
