import type { Locale } from '@redress/contracts';
import type { Circumstance } from '../../policy/domain/refund-policy';

/** What the borrower reads about each rule, in plain words, per language. */
export interface Wording {
  chargeMissing: string;
  feeRefundable(fee: string): string;
  feeNotRefundable(fee: string): string;
  noTimeLimit: string;
  withinTime(days: number, limit: number): string;
  tooLate(days: number, limit: number): string;
  notExcluded: string;
  excluded(what: string[]): string;
  circumstance: Record<Circumstance, string>;
  wrongCurrency: string;
  amountOk(asked: string, charged: string): string;
  amountTooHigh(left: string): string;
  approvals(n: number): string;
}

const ZH_CN: Wording = {
  chargeMissing: '我们正在核实这笔扣费的记录，核实后再审核您的退费申请。',
  feeRefundable: (fee) => `${fee}属于可以退还的费用。`,
  feeNotRefundable: (fee) => `按照现行退费规则，${fee}不在可退费用范围内。`,
  noTimeLimit: '这类费用的退费申请没有时间限制。',
  withinTime: (days, limit) => `您在扣费后第 ${days} 天提出申请，在 ${limit} 天的期限内。`,
  tooLate: (days, limit) => `您在扣费后第 ${days} 天提出申请，已超过 ${limit} 天的申请期限。`,
  notExcluded: '没有发生导致不能退费的情况。',
  excluded: (what) => `由于${what.join('、')}，按规则这笔费用不再退还。`,
  circumstance: { BENEFITS_USED: '会员权益已经使用', LOAN_SETTLED: '借款已经结清', INSURANCE_CLAIM_MADE: '已经申请过保险理赔', SERVICE_DELIVERED: '服务已经提供' },
  wrongCurrency: '申请退还的币种与扣费的币种不一致。',
  amountOk: (asked, charged) => `申请退还 ${asked}，未超过当初扣取的 ${charged}。`,
  amountTooHigh: (left) => `申请金额超过了这笔扣费还可以退还的 ${left}。`,
  approvals: (n) => (n === 2 ? '金额较大，需要两位工作人员分别审批。' : '由一位工作人员审批。'),
};

const ZH_TW: Wording = {
  chargeMissing: '我們正在核實這筆扣費的記錄，核實後再審核您的退費申請。',
  feeRefundable: (fee) => `${fee}屬於可以退還的費用。`,
  feeNotRefundable: (fee) => `按照現行退費規則，${fee}不在可退費用範圍內。`,
  noTimeLimit: '這類費用的退費申請沒有時間限制。',
  withinTime: (days, limit) => `您在扣費後第 ${days} 天提出申請，在 ${limit} 天的期限內。`,
  tooLate: (days, limit) => `您在扣費後第 ${days} 天提出申請，已超過 ${limit} 天的申請期限。`,
  notExcluded: '沒有發生導致不能退費的情況。',
  excluded: (what) => `由於${what.join('、')}，按規則這筆費用不再退還。`,
  circumstance: { BENEFITS_USED: '會員權益已經使用', LOAN_SETTLED: '借款已經結清', INSURANCE_CLAIM_MADE: '已經申請過保險理賠', SERVICE_DELIVERED: '服務已經提供' },
  wrongCurrency: '申請退還的幣種與扣費的幣種不一致。',
  amountOk: (asked, charged) => `申請退還 ${asked}，未超過當初扣取的 ${charged}。`,
  amountTooHigh: (left) => `申請金額超過了這筆扣費還可以退還的 ${left}。`,
  approvals: (n) => (n === 2 ? '金額較大，需要兩位工作人員分別審批。' : '由一位工作人員審批。'),
};

const EN: Wording = {
  chargeMissing: 'We are checking the record of this charge and will review your request once it is confirmed.',
  feeRefundable: (fee) => `A ${fee} can be refunded.`,
  feeNotRefundable: (fee) => `Under the current refund rules, a ${fee} is not refundable.`,
  noTimeLimit: 'There is no time limit for asking for this refund.',
  withinTime: (days, limit) => `You asked ${days} days after the charge, within the ${limit}-day limit.`,
  tooLate: (days, limit) => `You asked ${days} days after the charge, after the ${limit}-day limit.`,
  notExcluded: 'Nothing has happened that would rule out a refund.',
  excluded: (what) => `Because ${what.join(' and ')}, this charge is no longer refunded under the rules.`,
  circumstance: {
    BENEFITS_USED: 'the membership benefits were used',
    LOAN_SETTLED: 'the loan has been settled',
    INSURANCE_CLAIM_MADE: 'an insurance claim was made',
    SERVICE_DELIVERED: 'the service was delivered',
  },
  wrongCurrency: 'The refund is asked in a different currency from the charge.',
  amountOk: (asked, charged) => `You asked for ${asked}, which is not more than the ${charged} charged.`,
  amountTooHigh: (left) => `The amount asked is more than the ${left} that can still be refunded of this charge.`,
  approvals: (n) => (n === 2 ? 'Because of the amount, two members of staff approve it separately.' : 'One member of staff approves it.'),
};

export function wording(locale: Locale): Wording {
  return locale === 'en' ? EN : locale === 'zh-TW' ? ZH_TW : ZH_CN;
}
