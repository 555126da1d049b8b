/**
 * A workflow that only delivers documents, for integration tests of the core's delivery (workflows/shared/
 * deliver-documents.ts) on the real engine and activities, before a kind of its own sends that sort of delivery.
 */
import { CaseHost } from '../../../workflows/shared/case-host';
import type { CaseDocumentRef } from '../../../workflows/shared/case-view';
import { deliverDocuments, type Delivery } from '../../../workflows/shared/deliver-documents';

export async function deliverForTest(input: { caseNo: string; districtId: string; streetId: string; delivery: Delivery }): Promise<CaseDocumentRef[]> {
  const host = new CaseHost(input.caseNo, { districtId: input.districtId, streetId: input.streetId });
  const refs = await deliverDocuments(host, input.delivery);
  // the e-mail runs in the background; the test reads what it recorded
  await host.drainBackground();
  return refs;
}
