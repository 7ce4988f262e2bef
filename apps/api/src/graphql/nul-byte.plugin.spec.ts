import { GraphQLError, parse } from 'graphql';
import { nulBytePlugin } from './nul-byte.plugin';

async function check(query: string, variables: Record<string, unknown> = {}, document = parse(query)) {
  const listener = await nulBytePlugin.requestDidStart!({} as never);
  return listener!.didResolveOperation!({ request: { query, variables }, document } as never);
}

describe('nulBytePlugin', () => {
  it('refuses a NUL character in variables, nested or not', async () => {
    await expect(check('query($q: String!) { search(q: $q) { total } }', { q: 'a\u0000b' })).rejects.toThrow(GraphQLError);
    await expect(check('mutation($i: X!) { m(input: $i) }', { i: { list: [{ text: '\u0000' }] } })).rejects.toThrow(/caractère nul/);
  });

  it('refuses a NUL character in a query literal, every time the same cached document comes back', async () => {
    const document = parse('{ search(q: "a\\u0000b") { total } }');
    await expect(check('', {}, document)).rejects.toThrow(/caractère nul/);
    await expect(check('', {}, document)).rejects.toThrow(/caractère nul/);
  });

  it('lets ordinary text through, with the same document reused', async () => {
    const document = parse('query($q: String!) { search(q: $q, first: 2) { total } }');
    await expect(check('', { q: 'télémédecine' }, document)).resolves.toBeUndefined();
    await expect(check('', { q: 'a\u0000' }, document)).rejects.toThrow(/caractère nul/);
  });
});
