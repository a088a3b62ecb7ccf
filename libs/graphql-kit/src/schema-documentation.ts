import { isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';

const BUILT_IN = new Set(['String', 'Boolean', 'Int', 'Float', 'ID']);
const ROOTS = new Set(['Query', 'Mutation']);

/**
 * Every type, field, argument and enum value a partner app can see must say what it is.
 * Returns the ones that do not (federation's own `_`-prefixed elements excepted).
 */
export function undocumentedElements(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  const check = (name: string, description: string | null | undefined) => {
    if (!description?.trim()) missing.push(name);
  };
  for (const type of Object.values(schema.getTypeMap())) {
    // Federation's and GraphQL's own types (`_Service`, `link__Purpose`, `String`, …) are not ours to document.
    if (type.name.startsWith('_') || type.name.includes('__') || BUILT_IN.has(type.name)) continue;
    if (!ROOTS.has(type.name)) check(type.name, type.description);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.name.startsWith('_')) continue;
        check(`${type.name}.${field.name}`, field.description);
        for (const arg of 'args' in field ? field.args : []) check(`${type.name}.${field.name}(${arg.name})`, arg.description);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.description);
    }
  }
  return missing;
}
