/**
 * The kinds of charge a borrower may ask to have refunded (DOMAIN.md, Refunds). Which of them a
 * lender refunds, and on what conditions, is its refund policy (issue 5).
 */
export const FEE_TYPES = [
  { code: 'SERVICE_FEE', name: { 'zh-CN': '服务费', en: 'Service fee' } },
  { code: 'MEMBERSHIP_FEE', name: { 'zh-CN': '会员费', en: 'Membership fee' } },
  { code: 'INSURANCE_PREMIUM', name: { 'zh-CN': '保险费', en: 'Insurance premium' } },
  { code: 'GUARANTEE_FEE', name: { 'zh-CN': '担保费', en: 'Guarantee fee' } },
  { code: 'INTEREST_CHARGED_IN_ERROR', name: { 'zh-CN': '错收利息', en: 'Interest charged in error' } },
  { code: 'FEE_CHARGED_IN_ERROR', name: { 'zh-CN': '错收费用', en: 'Fee charged in error' } },
] as const;
