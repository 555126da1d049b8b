/**
 * The route plugins a case kind adds of its own, beyond the one action route and the case pages every kind shares: a
 * kind's intake, its parties' pages. A new kind adds its files under api/routes and one line here; the shared route
 * files (api/routes/*\/index.ts) register whatever is listed and name no kind.
 */
import type { FastifyPluginAsync } from 'fastify';
import legalAidRoutes from './routes/api-v1/legal-aid';
import legalAidOnlineRoutes from './routes/api-v1/legal-aid-online';
import mediationRoutes from './routes/api-v1/mediation';
import signatureRoutes from './routes/api-v1/mediation-signature';
import negotiationRoutes from './routes/api-v1/negotiation';
import confirmPages from './routes/public/confirm';
import legalAidApplyPages from './routes/public/legal-aid-apply';
import legalAidProgressPages from './routes/public/legal-aid-progress';
import negotiationPages from './routes/public/negotiation';
import legalAidIntakePages from './routes/staff/legal-aid-intake';
import legalAidLawyerPages from './routes/staff/legal-aid-lawyers';
import mediationIntakePages from './routes/staff/mediation-intake';
import signaturePages from './routes/staff/mediation-signature';
import negotiationCodePages from './routes/staff/negotiation-code';
import wagePlanRoutes from './routes/api-v1/wage-plan';
import wagePlanPages from './routes/staff/wage-plan';

export const KIND_ROUTES: { api: FastifyPluginAsync[]; staffPages: FastifyPluginAsync[]; publicPages: FastifyPluginAsync[] } = {
  /** under /api/v1 */
  api: [mediationRoutes, signatureRoutes, legalAidRoutes, legalAidOnlineRoutes, negotiationRoutes, wagePlanRoutes],
  /** under /staff */
  staffPages: [mediationIntakePages, signaturePages, legalAidIntakePages, legalAidLawyerPages, negotiationCodePages, wagePlanPages],
  /** the parties' own pages, under / */
  publicPages: [confirmPages, legalAidProgressPages, legalAidApplyPages, negotiationPages],
};
