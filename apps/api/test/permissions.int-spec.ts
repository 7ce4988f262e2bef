import { MetadataScanner, ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { ALLOW_KEY } from '../src/common/auth/allow.decorator';
import { startTestServer, TestServer } from './harness';

/**
 * Who may call every GraphQL operation. A diff in the snapshot is a permission change:
 * review it as such, then update with `npx jest -u apps/api/test/permissions`.
 */
describe('operation permissions', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  function declaredPermissions(): Record<string, string> {
    const modules = server.app.get(ModulesContainer);
    const scanner = new MetadataScanner();
    const permissions: Record<string, string> = {};
    const wrappers = [...modules.values()].flatMap((module) => [...module.providers.values()]);
    for (const wrapper of wrappers) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const methodName of scanner.getAllMethodNames(prototype)) {
        const method = prototype[methodName];
        const type = Reflect.getMetadata('graphql:resolver_type', method) as string | undefined;
        if (!type || !['Query', 'Mutation', 'Subscription'].includes(type)) continue;
        const name = (Reflect.getMetadata('graphql:resolver_name', method) as string | undefined) ?? methodName;
        const allow = Reflect.getMetadata(ALLOW_KEY, method) as string[] | undefined;
        permissions[`${type}.${name}`] = allow ? allow.join(' | ') : 'MISSING @Allow';
      }
    }
    return Object.fromEntries(Object.entries(permissions).sort(([a], [b]) => a.localeCompare(b)));
  }

  it('declares exactly one @Allow for every operation in the schema', () => {
    const { schema } = server.app.get(GraphQLSchemaHost);
    const permissions = declaredPermissions();
    const operations = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap((type) =>
      type ? Object.keys(type.getFields()).map((field) => `${type.name}.${field}`) : [],
    );
    for (const operation of operations) expect([operation, permissions[operation]]).toEqual([operation, expect.not.stringMatching(/MISSING/)]);
    expect(Object.keys(permissions).sort()).toEqual([...operations].sort());
  });

  it('matches the reviewed permission snapshot', () => {
    expect(declaredPermissions()).toMatchSnapshot();
  });
});
