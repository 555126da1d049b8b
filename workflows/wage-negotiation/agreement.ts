/**
 * From the signed contract to its publication: filed with HR & social security within 10 days of signing
 * (集体合同规定 Art. 42), the contract and the filing letter made as PDFs, sent to the department's inbox and by
 * e-mail; no objection within 15 days (Art. 47) and it takes effect and is published on the 协商码 page. An objection
 * sends the two sides back to the table.
 */
import { activities, nowIso } from '../shared/case-host';
import { deliverDocuments, findInstitution } from '../shared/deliver-documents';
import { shanghaiDate } from '../shared/deadlines';
import { humanStep, type Assignee } from '../shared/human-step';
import { agreedOffer, clausesText } from '../kinds/wage-negotiation/state';
import { chair, isOver, startOfDay, type RoundParts } from './parts';
import { textContacts } from './outreach';

const hr = (p: RoundParts): Assignee => ({ role: 'partner_department', unitId: p.intake.hrUnitId ?? p.intake.districtId, department: '人社局' });

/** The chair files within 10 days of signing; a missed day escalates like any step. */
export async function file(p: RoundParts): Promise<void> {
  const signedOn = p.s.signing!.signedOn;
  const fileBy = await p.clock.deadline('报送人力社保部门审查（《集体合同规定》第四十二条，10日）', startOfDay(signedOn), p.policy.filingDays);
  p.s.signing!.fileBy = new Date(fileBy()).toISOString();
  await humanStep(p.host, {
    kind: 'file', title: `报送合同文本至人力社保部门审查（${shanghaiDate(fileBy())}前）`, dueAt: fileBy,
    assignee: () => chair(p), done: () => p.s.filing !== null, abandoned: () => isOver(p.s), casePatch: { stage: 'filing' },
  }, p.policy);
  p.clock.release(fileBy);
}

async function sendToHr(p: RoundParts): Promise<void> {
  if (!p.intake.hrUnitId) {
    await activities.persistTransition({ caseNo: p.host.caseNo, at: nowIso(), events: [p.host.systemEvent('hr_missing', '本地尚未登记人力社保部门的收件单位，合同文本请线下报送')] });
    return;
  }
  const hrUnit = await findInstitution(p.intake.hrUnitId);
  const offer = agreedOffer(p.s)!;
  const vote = p.s.votes.at(-1)!;
  const congress = { heldOn: vote.heldOn, representatives: vote.representatives, present: vote.present, inFavour: vote.inFavour };
  const station = { name: `${p.intake.enterpriseName}工会` };
  const issuedOn = p.s.filing!.filedOn;
  const common = { station, enterprise: p.intake.enterpriseName, year: p.intake.year, signedOn: p.s.signing!.signedOn, congress, issuedOn };
  const refs = await deliverDocuments(p.host, {
    step: `filing-${p.s.objections.length + 1}`,
    to: { unitId: p.intake.hrUnitId, role: 'partner_department' },
    documents: [
      { kind: 'wage-filing-letter', data: { ...common, addressedTo: hrUnit?.name ?? '人力资源和社会保障局', clauseCount: offer.clauses.length, objectionDays: p.policy.objectionDays } },
      { kind: 'wage-contract', data: { ...common, clauses: offer.clauses, signatories: { union: p.s.signing!.unionSignatory, employer: p.s.signing!.employerSignatory } } },
    ],
    subject: `【集体合同审查】${p.intake.enterpriseName}${p.intake.year}年度工资专项集体合同`,
    text: `${p.intake.enterpriseName}${p.intake.year}年度工资专项集体合同及报送审查函见附件，请审查。自收到之日起${p.policy.objectionDays}日内未提出异议的，合同即行生效。`,
  });
  p.s.documents.push(...refs);
}

/** HR's review: true when its 15 days passed in silence, false after an objection. */
export async function review(p: RoundParts): Promise<boolean> {
  await sendToHr(p);
  const filedOn = p.s.filing!.filedOn;
  const objectionBy = await p.clock.deadline('人力社保部门审查（《集体合同规定》第四十七条，15日）', startOfDay(filedOn), p.policy.objectionDays);
  p.s.filing!.objectionBy = new Date(objectionBy()).toISOString();
  const objections = p.s.objections.length;
  const end = await humanStep(p.host, {
    kind: 'review', title: `审查${p.intake.enterpriseName}工资专项集体合同（${shanghaiDate(objectionBy())}前可提出异议）`, dueAt: objectionBy, whenOverdue: 'end',
    assignee: () => hr(p), done: () => p.s.objections.length > objections, abandoned: () => isOver(p.s), casePatch: { stage: 'review' },
  }, p.policy);
  p.clock.release(objectionBy);
  return end === 'overdue';
}

/** No objection in time: the contract takes effect and is published to the workers on the 协商码 page. */
export async function takeEffect(p: RoundParts): Promise<void> {
  const offer = agreedOffer(p.s)!;
  p.s.effectiveOn = shanghaiDate(Date.parse(nowIso()));
  p.s.outcome = 'effective';
  const text = clausesText(offer.clauses);
  await activities.persistTransition({
    caseNo: p.host.caseNo, at: nowIso(), casePatch: { outcome: 'effective' },
    wage: { dates: { effective_at: nowIso(), published_at: nowIso() }, agreementText: text },
    events: [
      p.host.systemEvent('contract_effective', `人力社保部门自收到文本之日起${p.policy.objectionDays}日内未提出异议，工资专项集体合同于${p.s.effectiveOn}生效（《集体合同规定》第四十七条）`, { effectiveOn: p.s.effectiveOn }),
      p.host.systemEvent('contract_published', '合同已在协商码页面向全体职工公布', { clauses: offer.clauses.length }),
    ],
  });
  const contacts = await activities.findContacts({ unitId: p.intake.unionUnitId, roles: ['enterprise_chair'] });
  await textContacts(p, contacts, 'effective', 'wage-effective', { enterprise: p.intake.enterpriseName, year: p.intake.year, effectiveOn: p.s.effectiveOn });
}
