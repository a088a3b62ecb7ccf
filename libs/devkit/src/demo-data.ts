/**
 * The demo tenants and complaints the platform starts with, drawn from what borrowers report in
 * the source articles (seeds/): fees kept after early repayment, collection calls to contacts,
 * opaque penalty interest, bundled insurance, standard replies and no answer on hardship.
 */
export const DEMO_TENANTS = [
  {
    id: '6f1c2d1e-5a0b-4c3d-9e8f-7a6b5c4d3e21',
    name: '你我贷',
    actorId: 'partner-app:niwodai-app',
    code: 'NWD',
    locales: ['zh-CN', 'en'],
    defaultLocale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    enabledChannels: ['APP', 'HOTLINE', 'ONLINE_CHAT', 'EMAIL', 'REGULATOR_REFERRAL'],
  },
  {
    id: '0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c62',
    name: '桔多多',
    actorId: 'partner-app:juduoduo-app',
    code: 'JDD',
    locales: ['zh-CN', 'zh-TW', 'en'],
    defaultLocale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    enabledChannels: ['APP', 'WEB', 'HOTLINE', 'ONLINE_CHAT', 'EMAIL', 'LETTER', 'REGULATOR_REFERRAL'],
  },
] as const;

export const DEMO_COMPLAINTS: { tenant: 0 | 1; input: Record<string, unknown> }[] = [
  {
    tenant: 0,
    input: {
      channel: 'APP',
      category: 'COMPLAINT',
      topic: 'INTEREST_AND_FEE_TRANSPARENCY',
      borrowerId: 'NWD-C-000123',
      evidence: [
        { kind: 'CHAT_LOG', fileName: '客服聊天记录-20261021.png', mediaType: 'image/png', sizeBytes: 182044, sha256: '5d41402abc4b2a76b9719d911017c592ae2f1d5c3a3c1b8f0e6e4f2a9b7c3d11' },
        { kind: 'REPAYMENT_RECORD', fileName: '还款明细.pdf', mediaType: 'application/pdf', sizeBytes: 96512, sha256: '7c211433f02071597741e6ff5a8ea34789abbf43c0f1e7a1c8f4d3b2a1908e77' },
      ],
      complainant: { name: '王秀英', phone: '13812341234', email: 'wangxiuying@example.cn', locale: 'zh_CN' },
      productName: '你我贷·极速借',
      contractNumber: 'NWD-2025-0081123',
      description: '2026年10月提前还清全部借款后，平台仍按原12期收取了剩余服务费共380元。多次联系客服，只得到“系统自动扣费”的标准回复。',
      occurredAt: '2026-10-20T10:00:00+08:00',
      disputedAmount: { amountMinor: 38000, currency: 'CNY' },
      demand: '退还提前还款后多收的服务费，并书面说明收费依据。',
    },
  },
  {
    tenant: 0,
    input: {
      channel: 'HOTLINE',
      category: 'MISCONDUCT_REPORT',
      topic: 'COLLECTION_CONDUCT',
      severity: 'HIGH',
      involvedStaff: ['催收员 刘某'],
      complainant: { name: '李强', phone: '13900001111', locale: 'zh_CN' },
      productName: '你我贷·嘉英贷',
      contractNumber: 'NWD-2024-0460217',
      description: '逾期第三天起，催收人员每天多次致电我的单位同事和通讯录联系人，言语带有威胁。',
      occurredAt: '2026-11-18T09:30:00+08:00',
      demand: '立即停止联系第三人，并对催收人员追责。',
    },
  },
  {
    tenant: 0,
    input: {
      channel: 'REGULATOR_REFERRAL',
      topic: 'CONTRACT_TERMS',
      regulatorReferral: { regulator: '国家金融监督管理总局 12378', reference: '12378-2026-1120-0457' },
      complainant: { name: '陈美玲', phone: '+852 6123 4567', email: 'mlchan@example.hk', locale: 'zh_TW' },
      productName: '你我贷·极速借',
      description: '經12378熱線轉來：借款時被默認勾選了保險服務，每期多扣保費46元，事前未被告知。',
      disputedAmount: { amountMinor: 55200, currency: 'CNY' },
      demand: '退還全部保費。',
    },
  },
  {
    tenant: 1,
    input: {
      channel: 'ONLINE_CHAT',
      topic: 'INTEREST_AND_FEE_TRANSPARENCY',
      severity: 'HIGH',
      borrowerId: 'JDD-C-004512',
      complainant: { name: '张伟', phone: '13700002222', locale: 'zh_CN' },
      productName: '桔多多·信用借',
      contractNumber: 'JDD-2025-3318890',
      description: '因公司裁员失业三个月，申请延期或分期还款，客服称“无法协商”，罚息和违约金却每天都在增加，看不到计算方式。',
      occurredAt: '2026-11-02T14:00:00+08:00',
      demand: '提供罚息和违约金的计算明细，并协商分期还款方案。',
    },
  },
  {
    tenant: 1,
    input: {
      channel: 'EMAIL',
      topic: 'SERVICE_ATTITUDE',
      severity: 'LOW',
      complainant: { name: 'Michael Zhou', phone: '+86 186 0000 3333', email: 'm.zhou@example.com', locale: 'en' },
      productName: '桔多多·信用借',
      description: 'My complaint filed on 2 November has had no answer for three weeks; nobody tells me where it stands.',
      occurredAt: '2026-11-02T09:00:00+08:00',
      demand: 'A named person handling my case and a date for a decision.',
    },
  },
];
