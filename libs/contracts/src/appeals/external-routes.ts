/**
 * Where a borrower can go when the lender's own process is exhausted (DOMAIN.md, Appeals → External
 * escalation). Shared so that every notice of a dismissal or a failed mediation names the same
 * routes the appeals service records escalations against.
 */
export const EXTERNAL_ROUTE_CODES = ['REGULATOR', 'CONSUMER_ASSOCIATION', 'ARBITRATION', 'COURT'] as const;
export type ExternalRouteCode = (typeof EXTERNAL_ROUTE_CODES)[number];

export const EXTERNAL_ROUTES: readonly { code: ExternalRouteCode; nameZhCn: string; contact: string }[] = [
  { code: 'REGULATOR', nameZhCn: '金融监管部门', contact: '国家金融监督管理总局 12378 热线' },
  { code: 'CONSUMER_ASSOCIATION', nameZhCn: '消费者协会', contact: '全国 12315 消费者投诉举报平台' },
  { code: 'ARBITRATION', nameZhCn: '仲裁', contact: '合同约定的仲裁委员会' },
  { code: 'COURT', nameZhCn: '诉讼', contact: '有管辖权的人民法院' },
];
