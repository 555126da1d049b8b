/**
 * One document rendered (and thrown away) as a worker starts, so that the first real one after a start costs what the
 * next ones do: fonts read and parsed, templates compiled, the layout code warmed. The bench measured the first
 * 43-worker agreement's submission (its documents rendered and stored) at 1.0 s in a fresh worker against 0.4–0.5 s
 * for the next ones; with this warm-up the first one took 0.46 s. The document is the demo case's agreement, the
 * one the committed sample page is rendered from: a real layout of 43 workers, nothing of a real person.
 */
import { demoAgreement } from '../../scripts/lib/demo-agreement';
import { renderDocument } from './render-document';

export async function warmDocuments(): Promise<void> {
  const { caseNo, data } = demoAgreement();
  await renderDocument('mediation-agreement', caseNo, data);
}
