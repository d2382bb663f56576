// Every operation of the spec is callable through the typed client by its path and method.
import { describe, expectTypeOf, it } from 'vitest';
import type { FungiesClient, OperationId, operations, paths } from '../../src/index.js';

type Op<K extends OperationId> = (typeof operations)[K];
/** The openapi-typescript operation that the client types a call to `K` with. */
type TypedOperation<K extends OperationId> = Op<K>['path'] extends keyof paths
  ? Op<K>['method'] extends keyof paths[Op<K>['path']]
    ? paths[Op<K>['path']][Op<K>['method']]
    : 'method missing from paths'
  : 'path missing from paths';

describe('every operation in the spec is callable through the typed client', () => {
  it('has a typed path and method for each operationId', () => {
    type Missing = { [K in OperationId]: TypedOperation<K> extends string | undefined ? K : never }[OperationId];
    expectTypeOf<Missing>().toEqualTypeOf<never>();
  });

  it('exposes the HTTP methods the spec uses', () => {
    type Methods = Uppercase<(typeof operations)[OperationId]['method']>;
    expectTypeOf<Methods>().toExtend<keyof FungiesClient>();
  });
});
