/**
 * Hardship a borrower may show to ask for a new repayment plan (DOMAIN.md, Mediation; seeds 001, 003),
 * with the evidence lenders usually ask for.
 */
export const HARDSHIP_TYPES = [
  { code: 'UNEMPLOYMENT', nameZhCn: '失业', evidence: ['解除劳动合同证明', '失业登记证明'] },
  { code: 'ILLNESS', nameZhCn: '疾病', evidence: ['诊断证明', '住院病历', '医疗费用票据'] },
  { code: 'INCOME_INTERRUPTED', nameZhCn: '收入中断', evidence: ['银行流水', '停工或停业证明'] },
  { code: 'OTHER', nameZhCn: '其他困难', evidence: ['情况说明及相关证明'] },
] as const;
