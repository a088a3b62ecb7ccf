import type { Locale } from '@redress/contracts';
import { formatDay, formatInstant, formatMoney } from './format-instant';

export type Outcome = 'UPHELD' | 'PARTLY_UPHELD' | 'NOT_UPHELD';
export interface RemedyFact {
  type: string;
  amount: { amountMinor: number; currency: string } | null;
  description: string | null;
}

/** What an event says, before it is put in the recipient's language. */
export type Fact =
  | string
  | { instant: Date }
  | { day: Date }
  | { money: { amountMinor: number; currency: string } }
  | { outcome: Outcome }
  | { remedies: RemedyFact[] }
  | { externalRoutes: true };

export type Facts = Record<string, Fact>;

/** A borrower may ask for a review (核查) within 30 days of receiving a decision (DOMAIN.md, clocks). */
export const APPEAL_WINDOW_DAYS = 30;

export function appealDeadline(decidedAt: Date): { day: Date } {
  return { day: new Date(decidedAt.getTime() + APPEAL_WINDOW_DAYS * 24 * 3_600_000) };
}

const OUTCOMES: Record<Outcome, Record<Locale, string>> = {
  UPHELD: { 'zh-CN': '投诉成立', 'zh-TW': '投訴成立', en: 'upheld' },
  PARTLY_UPHELD: { 'zh-CN': '投诉部分成立', 'zh-TW': '投訴部分成立', en: 'partly upheld' },
  NOT_UPHELD: { 'zh-CN': '投诉不成立', 'zh-TW': '投訴不成立', en: 'not upheld' },
};

const REMEDIES: Record<string, Record<Locale, string>> = {
  EXPLANATION: { 'zh-CN': '作出说明', 'zh-TW': '作出說明', en: 'an explanation' },
  COMPENSATION: { 'zh-CN': '赔偿', 'zh-TW': '賠償', en: 'compensation' },
  REFUND: { 'zh-CN': '退款', 'zh-TW': '退款', en: 'a refund' },
  FEE_WAIVER: { 'zh-CN': '减免费用', 'zh-TW': '減免費用', en: 'a fee waiver' },
  REPAYMENT_PLAN_CHANGE: { 'zh-CN': '调整还款计划', 'zh-TW': '調整還款計劃', en: 'a change to your repayment plan' },
  MEDIATION_REFERRAL: { 'zh-CN': '转交调解', 'zh-TW': '轉交調解', en: 'referral to mediation' },
};

const NO_REMEDY: Record<Locale, string> = { 'zh-CN': '无', 'zh-TW': '無', en: 'none' };

/** The routes outside the lender a borrower can take (DOMAIN.md, Appeals → External escalation). */
export const EXTERNAL_ROUTES: Record<Locale, string> = {
  'zh-CN': '向国家金融监督管理总局反映（12378 热线）、向消费者协会投诉（12315 热线）、依约定申请仲裁，或向人民法院提起诉讼',
  'zh-TW': '向國家金融監督管理總局反映（12378 熱線）、向消費者協會投訴（12315 熱線）、依約定申請仲裁，或向人民法院提起訴訟',
  en: 'contact the financial regulator (NFRA hotline 12378), complain to the consumer association (hotline 12315), apply for arbitration where your contract provides for it, or go to court',
};

/** Puts facts into the recipient's language, dates in the tenant's time zone. */
export function localizeFacts(facts: Facts, locale: Locale, timeZone: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, fact] of Object.entries(facts)) out[name] = localize(fact, locale, timeZone);
  return out;
}

function localize(fact: Fact, locale: Locale, timeZone: string): string {
  if (typeof fact === 'string') return fact;
  if ('instant' in fact) return formatInstant(fact.instant, locale, timeZone);
  if ('day' in fact) return formatDay(fact.day, locale, timeZone);
  if ('money' in fact) return formatMoney(fact.money.amountMinor, fact.money.currency, locale);
  if ('outcome' in fact) return OUTCOMES[fact.outcome][locale];
  if ('remedies' in fact) {
    if (fact.remedies.length === 0) return NO_REMEDY[locale];
    const separator = locale === 'en' ? '; ' : '；';
    return fact.remedies
      .map((r) => {
        const label = REMEDIES[r.type]?.[locale] ?? r.type;
        const amount = r.amount ? ` ${formatMoney(r.amount.amountMinor, r.amount.currency, locale)}` : '';
        const note = r.description ? (locale === 'en' ? ` (${r.description})` : `（${r.description}）`) : '';
        return `${label}${amount}${note}`;
      })
      .join(separator);
  }
  return EXTERNAL_ROUTES[locale];
}
