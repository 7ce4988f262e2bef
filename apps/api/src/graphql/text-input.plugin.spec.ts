import { GraphQLError, parse } from 'graphql';
import { textInputPlugin } from './text-input.plugin';

async function check(query: string, variables: Record<string, unknown> = {}, document = parse(query)) {
  const listener = await textInputPlugin.requestDidStart!({} as never);
  return listener!.didResolveOperation!({ request: { query, variables }, document } as never);
}

describe('textInputPlugin', () => {
  it('refuses a NUL character in variables, nested or not', async () => {
    await expect(check('query($q: String!) { search(q: $q) { total } }', { q: 'a\u0000b' })).rejects.toThrow(GraphQLError);
    await expect(check('mutation($i: X!) { m(input: $i) }', { i: { list: [{ text: '\u0000' }] } })).rejects.toThrow(/caractère nul/);
  });

  it('refuses a NUL character in a query literal, every time the same cached document comes back', async () => {
    const document = parse('{ search(q: "a\\u0000b") { total } }');
    await expect(check('', {}, document)).rejects.toThrow(/caractère nul/);
    await expect(check('', {}, document)).rejects.toThrow(/caractère nul/);
  });

  it('refuses lone surrogates, high or low, in variables and literals', async () => {
    await expect(check('query($q: String!) { search(q: $q) { total } }', { q: 'a\uD800' })).rejects.toThrow(/mal formé/);
    await expect(check('mutation($i: X!) { m(input: $i) }', { i: { list: ['\uDC00b'] } })).rejects.toThrow(/mal formé/);
    // In a literal, graphql-js's parser refuses them first (a syntax error, BAD_USER_INPUT), raw or escaped.
    expect(() => parse('{ search(q: "x\uDBFF") { total } }')).toThrow(/Invalid character/);
    expect(() => parse('{ search(q: "x\\uDBFF") { total } }')).toThrow(/Invalid Unicode escape/);
  });

  it('lets ordinary text through, emoji (surrogate pairs) included, with the same document reused', async () => {
    const document = parse('query($q: String!) { search(q: $q, first: 2) { total } }');
    await expect(check('', { q: 'télémédecine 🐝 \n\t' }, document)).resolves.toBeUndefined();
    await expect(check('', { q: 'a\u0000' }, document)).rejects.toThrow(/caractère nul/);
  });
});
