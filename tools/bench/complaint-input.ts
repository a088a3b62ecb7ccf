import { bearer, devToken, graphqlRequest } from '@redress/devkit';

/** Asks for the id only: the benchmark measures intake, not the response's size. */
const FILE_COMPLAINT = 'mutation File($input: FileComplaintInput!) { fileComplaint(input: $input) { complaint { id } } }';

// Demo data in the shape of real complaints against consumer lenders; names and products are made up.
const NAMES = ['王秀英', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽娟', '周杰', '吴晓燕'];
const PRODUCTS = ['青禾贷·极速借', '安信借·随心还', '乐分期·教育贷', '和悦花·信用付', '稳盈贷·车主贷'];
const CHANNELS = ['APP', 'HOTLINE', 'WEB', 'ONLINE_CHAT', 'EMAIL'];
const STORIES: { description: string; demand: string; amountMinor: number | null }[] = [
  {
    description: '提前还清借款后，平台仍按原期限收取了 380 元服务费，客服只回复标准话术，不肯说明收费依据。',
    demand: '退还多收的服务费，并书面说明收费依据。',
    amountMinor: 38_000,
  },
  {
    description: '逾期第三天起每天接到多个催收电话，对方还打给了我通讯录里的同事和父母，言语带有威胁。',
    demand: '立即停止骚扰第三人，并对催收人员的行为作出处理。',
    amountMinor: null,
  },
  {
    description: '合同写明借款 20000 元，实际到账只有 18200 元，其余被扣作“审核费”，借款前没有任何提示。',
    demand: '退还预先扣除的 1800 元，并按实际到账金额重新计算利息。',
    amountMinor: 180_000,
  },
  {
    description: '每月按时自动扣款，但因平台系统故障扣款失败，被记为逾期并上报了征信，影响了我的房贷审批。',
    demand: '更正征信记录，并出具非本人原因逾期的证明。',
    amountMinor: null,
  },
  {
    description: '借款时被默认勾选了一份意外险，每期多扣 45 元，我从未同意购买，也没有收到保单。',
    demand: '退还全部保费，取消搭售的保险。',
    amountMinor: 54_000,
  },
];

/** The n-th complaint of a run: varied, valid, and occurred in the past. */
export function complaintInput(n: number): Record<string, unknown> {
  const story = STORIES[n % STORIES.length]!;
  return {
    channel: CHANNELS[n % CHANNELS.length],
    complainant: {
      name: NAMES[n % NAMES.length],
      phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
      email: n % 3 === 0 ? `borrower${n}@example.cn` : null,
      locale: 'zh_CN',
    },
    productName: PRODUCTS[n % PRODUCTS.length],
    contractNumber: `HT-2026-${String(n).padStart(7, '0')}`,
    description: story.description,
    occurredAt: new Date(Date.now() - (1 + (n % 30)) * 86_400_000).toISOString(),
    disputedAmount: story.amountMinor === null ? null : { amountMinor: story.amountMinor, currency: 'CNY' },
    demand: story.demand,
  };
}

/**
 * Files complaints for a set of tenants, round robin. Several tenants because a platform serves
 * many lenders; one tenant's filings share its daily reference counter row (see the report).
 */
export function complaintFiler(gatewayUrl: string, tenantIds: string[]) {
  const headers = tenantIds.map((t) => bearer(devToken(t, 'partner-app:bench')));
  return async (n: number): Promise<string> => {
    const result = await graphqlRequest<{ fileComplaint: { complaint: { id: string } } }>(
      gatewayUrl,
      FILE_COMPLAINT,
      { input: complaintInput(n) },
      headers[n % headers.length],
    );
    const id = result.data?.fileComplaint?.complaint?.id;
    if (result.status !== 200 || result.errors?.length || !id) {
      throw new Error(`HTTP ${result.status}: ${result.errors?.[0]?.message ?? 'no complaint id'}`);
    }
    return id;
  };
}
