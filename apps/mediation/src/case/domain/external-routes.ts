import type { Locale } from './mediation-case';

/**
 * Where a borrower can turn when mediation fails (DOMAIN.md: regulator hotline, consumer
 * association, arbitration, court). The failure notice carries this text.
 */
const ROUTES: Record<Locale, string> = {
  'zh-CN':
    '如您对调解结果不满意，可以：拨打国家金融监督管理总局消费者投诉热线 12378；向当地消费者协会（12315）投诉；依据合同中的仲裁条款申请仲裁；或向有管辖权的人民法院提起诉讼。',
  'zh-TW':
    '如您對調解結果不滿意，可以：撥打國家金融監督管理總局消費者投訴熱線 12378；向當地消費者協會（12315）投訴；依據合同中的仲裁條款申請仲裁；或向有管轄權的人民法院提起訴訟。',
  en: 'If you are not satisfied you may call the financial regulator’s consumer hotline 12378, complain to your local consumer association (12315), go to arbitration under your contract’s arbitration clause, or bring proceedings in the people’s court.',
};

export function externalRoutes(locale: Locale): string {
  return ROUTES[locale];
}
