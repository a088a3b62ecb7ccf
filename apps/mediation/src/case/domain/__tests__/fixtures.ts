import type { MediatorCandidate } from '../recusal';
import { openByBorrower, openByReferral, type Identity } from '../open-case';

export const NOW = new Date('2026-11-25T02:00:00Z');
export const later = (hours: number) => new Date(NOW.getTime() + hours * 3_600_000);

export const identity = (over: Partial<Identity> = {}): Identity => ({
  id: '7d1f0c52-4a51-4b8e-9f8e-0a1b2c3d4e5f',
  tenantId: '11111111-2222-4333-8444-555555555555',
  reference: 'MD-20261125-0001',
  actorId: 'borrower:C-1001',
  now: NOW,
  materialIds: ['aaaaaaaa-0000-4000-8000-000000000001', 'aaaaaaaa-0000-4000-8000-000000000002'],
  ...over,
});

export const mediator = (over: Partial<MediatorCandidate> = {}): MediatorCandidate => ({
  id: 'bbbbbbbb-0000-4000-8000-000000000001',
  actorId: 'mediator:liu-yang',
  name: '刘洋',
  institutionId: null,
  institutionKind: 'IN_HOUSE',
  active: true,
  qualificationsValidUntil: [],
  declaredInterests: [],
  ...over,
});

export const borrowerCase = () =>
  openByBorrower(
    identity(),
    {
      productName: '桔多多·消费分期',
      contractNumber: 'JDD-2025-000731',
      summary: '因病住院收入中断，逾期两期，罚息和违约金计算不清，希望延长期限并减免罚息。',
      demand: '分24期偿还，减免罚息',
      materials: [{ kind: 'LOAN_CONTRACT', title: '借款合同', contentHash: 'a'.repeat(64), mediaType: 'application/pdf', sizeBytes: 120_000 }],
      hardship: { type: 'ILLNESS', description: '2026年9月住院手术，停工两个月。', requests: ['EXTEND_TERM', 'WAIVE_PENALTY_INTEREST'] },
    },
    'C-1001',
  );

export const referredCase = () =>
  openByReferral(identity({ actorId: 'system:complaints' }), {
    complaintId: '99999999-0000-4000-8000-000000000001',
    complaintReference: 'TS-20261120-0007',
    decisionId: '99999999-0000-4000-8000-0000000000d1',
    remedyIndex: 1,
    remedyDescription: '就违约金争议转调解',
    decisionReasons: '部分支持',
    borrowerId: 'C-1001',
    productName: '你我贷·极速借',
    contractNumber: null,
    handlerId: 'handler:zhou-min',
    reviewerIds: ['reviewer:chen-jing'],
    locale: 'zh-CN',
  });
