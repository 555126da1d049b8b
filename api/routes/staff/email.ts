/**
 * The e-mail page (issue 16), as the SMS page is for texts: each message sent to an arbitration institute or a court,
 * its state, Message-ID and time, and the PDFs it carried with their SHA-256 (what the institute received is what the
 * case keeps). Staff see the mail of the cases they may see.
 */
import type { FastifyPluginAsync } from 'fastify';
import { emailOutbox } from '../../../db/queries/email-outbox';
import { viewerOf } from '../../services/viewer';

const STATES: Record<string, string> = { pending: '待发送', sent: '已发送', rejected: '被拒收' };

const emailPage: FastifyPluginAsync = async (app) => {
  app.get('/email', { config: { access: 'sms.read' } }, async (req, reply) => {
    const rows = await emailOutbox(app.db, viewerOf(req.staff!));
    return reply.view('email-outbox', {
      title: '邮件', staff: req.staff,
      mails: rows.map((m) => ({ ...m, stateLabel: STATES[m.status] ?? m.status, attachments: m.attachments.map((a) => ({ ...a, shortSha: a.sha256.slice(0, 12) })) })),
    });
  });
};

export default emailPage;
