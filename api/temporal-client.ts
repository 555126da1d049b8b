import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { gongqingDataConverter } from '../activities/codec/data-converter';
import { temporalConfig } from '../temporal.config';

/**
 * The API's Temporal client, on the SDK's native connection (Rust, as the worker's) rather than the client package's
 * grpc-js one: bench/ measured 0.3-0.4 ms less API CPU per filing (2.9-3.1 against 3.3-3.4 ms at 30 req/s), the
 * HTTP/2 framing leaving the JS thread. Every client of the project (the bench's noop callers too) connects this way.
 */
export async function connectTemporal(address = temporalConfig.address): Promise<Client> {
  const connection = await NativeConnection.connect({ address });
  return new Client({ connection, namespace: temporalConfig.namespace, dataConverter: gongqingDataConverter() });
}
