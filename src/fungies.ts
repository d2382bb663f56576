/** createFungies: resource methods (`fungies.orders.list()`…) over the path-style client, which stays at `fungies.client`. */
import { type FungiesResources, resourceTable } from '../generated/resources.js';
import { clientFor, type FungiesClient } from './client.js';
import type { FungiesClientOptions } from './options.js';
import { buildResources } from './resources/build.js';

/** The resource groups, plus the path-style client they call. */
export type Fungies = FungiesResources & {
  /** The openapi-fetch client: `fungies.client.GET('/v0/orders/list', { params })`. */
  readonly client: FungiesClient;
};

export function createFungies(options: FungiesClientOptions): Fungies {
  const client = clientFor(options, 'createFungies');
  return Object.freeze({ ...buildResources<FungiesResources>(client, resourceTable), client });
}
