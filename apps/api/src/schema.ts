// The executable schema: the builder after every type in src/schema/ has registered.
import { builder } from './builder.js';
import './schema/index.js';

export const schema = builder.toSchema({ sortSchema: true });
