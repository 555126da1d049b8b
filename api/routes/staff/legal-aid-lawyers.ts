/**
 * The district's roster of legal-aid lawyers, for the centre's staff choosing whom to assign: the case page's
 * "指派律师" form takes a lawyer's user number (the shared case page loads nothing kind-specific, so it cannot offer
 * a list of its own), and this page lists each lawyer with that number, their firm, and whether they take new cases.
 */
import type { FastifyPluginAsync } from 'fastify';
import { findInstitution } from '../../../db/queries/institutions';
import { lawyersOfDistrict } from '../../../db/queries/lawyers';

const legalAidLawyerPages: FastifyPluginAsync = async (app) => {
  app.get('/legal-aid/lawyers', { config: { access: 'legalAid.open' } }, async (req, reply) => {
    const s = req.staff!;
    const districtId = s.role === 'district_staff' ? s.org_unit_id : (await findInstitution(app.db, s.org_unit_id))?.district_id ?? null;
    const lawyers = districtId ? await lawyersOfDistrict(app.db, districtId) : [];
    return reply.view('legal-aid-lawyers', { title: '法律援助律师名册', staff: s, lawyers });
  });
};

export default legalAidLawyerPages;
