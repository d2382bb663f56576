// Every generated resource method, checked against its operation: path ids first, then body, query, options; resolves to the 2xx data.
import { describe, expectTypeOf, it } from 'vitest';
import type { resourceTable } from '../../generated/resources.js';
import type { ApiPromise, Fungies, OperationTypes as operations, RequestOptions } from '../../src/index.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Data<Id extends keyof operations> = operations[Id] extends {
  responses: { 200: { content: { 'application/json': { data: infer D } } } };
}
  ? D
  : never;
type Body<Id extends keyof operations> =
  NonNullable<operations[Id]['requestBody']> extends { content: { 'application/json': infer B } } ? B : never;
type Query<Id extends keyof operations> = NonNullable<operations[Id]['parameters']['query']>;
type Ids<P> = P extends readonly unknown[] ? { -readonly [I in keyof P]: string } : [];

type Expected<S> = S extends {
  operationId: infer Id extends keyof operations;
  pathParams: infer P extends readonly unknown[];
  body: infer B;
  query: infer Q;
}
  ? [...Ids<P>, ...(B extends true ? [body?: Body<Id>] : []), ...(Q extends true ? [query?: Query<Id>] : []), options?: RequestOptions]
  : never;

/** The dotted names of the methods whose parameters or result differ from their operation's. */
type Mismatches<T, R, Prefix extends string = ''> = {
  [K in keyof T & string]: K extends keyof R
    ? T[K] extends { operationId: infer Id extends keyof operations }
      ? R[K] extends (...args: infer A) => infer Result
        ? Equal<A, Expected<T[K]>> extends true
          ? Result extends ApiPromise<infer D>
            ? Equal<D, Data<Id>> extends true
              ? never
              : `${Prefix}${K}: result`
            : `${Prefix}${K}: not an ApiPromise`
          : `${Prefix}${K}: parameters`
        : `${Prefix}${K}: not a method`
      : Mismatches<T[K], R[K], `${Prefix}${K}.`>
    : `${Prefix}${K}: missing`;
}[keyof T & string];

describe('every resource method matches its operation', () => {
  it('has the parameters and result the spec gives its operation', () => {
    expectTypeOf<Mismatches<typeof resourceTable, Fungies>>().toEqualTypeOf<never>();
  });

  it('covers every operation', () => {
    type Covered<T> = { [K in keyof T]: T[K] extends { operationId: infer Id } ? Id : Covered<T[K]> }[keyof T];
    expectTypeOf<Covered<typeof resourceTable>>().toEqualTypeOf<keyof operations>();
  });
});
