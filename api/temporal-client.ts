import { Client, Connection } from '@temporalio/client';
import { gongqingDataConverter } from '../activities/codec/data-converter';
import { temporalConfig } from '../temporal.config';

export async function connectTemporal(address = temporalConfig.address): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({ connection, namespace: temporalConfig.namespace, dataConverter: gongqingDataConverter() });
}
